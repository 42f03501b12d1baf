package io.east.schemas.serde;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * A record value that a consumer of some east type must survive, made from one good record of that type and a seed.
 * Shared by every consumer's bad-input test, so each is fed the same kinds of damage.
 *
 * @param value the bytes to put on the topic; null for {@link Kind#NULL}
 */
public record BadPayload(Kind kind, long seed, byte[] value) {

    /** 5 MiB: more than the 1 MB a topic takes by default, so such a record only arrives where limits were raised. */
    public static final int HUGE_BYTES = 5 * 1024 * 1024;

    private static final int MARKER_0 = 0xC3;
    private static final int MARKER_1 = 0x01;
    private static final int HEADER = 10;
    private static final int MAX_NOISE = 512;

    public enum Kind {
        /** Seeded noise of 1 to 512 bytes that does not start with the single-object marker. */
        RANDOM_BYTES,
        /** The good record's header (marker and fingerprint), then noise instead of its body. */
        RANDOM_BODY,
        /** The good record cut short at a seeded length. */
        TRUNCATED,
        /** The good record with a fingerprint that no schema of this build has. */
        UNKNOWN_FINGERPRINT,
        /** A valid record of another east type. */
        WRONG_TYPE,
        /** 5 MiB that do not decode: the good record, then noise. */
        OVERSIZED,
        /** 5 MiB that do decode: the good record with its longest string field made that long. */
        HUGE_RECORD,
        /** A value of no bytes. */
        EMPTY,
        /** No value at all: a tombstone. */
        NULL;

        /** True for the one kind that is a record of the expected type: it can only be refused by its size. */
        public boolean decodes() {
            return this == HUGE_RECORD;
        }

        public boolean huge() {
            return this == OVERSIZED || this == HUGE_RECORD;
        }
    }

    /** One payload of this kind; the same arguments give the same bytes. */
    public static BadPayload of(Kind kind, SpecificRecord good, long seed) {
        Random random = new Random(seed * 31 + kind.ordinal());
        byte[] encoded = encode(good);
        byte[] value = switch (kind) {
            case RANDOM_BYTES -> randomBytes(random);
            case RANDOM_BODY -> randomBody(good, encoded, random);
            case TRUNCATED -> Arrays.copyOf(encoded, 1 + random.nextInt(encoded.length - 1));
            case UNKNOWN_FINGERPRINT -> unknownFingerprint(encoded, random);
            case WRONG_TYPE -> wrongType(good, random);
            case OVERSIZED -> oversized(encoded, random);
            case HUGE_RECORD -> hugeRecord(good);
            case EMPTY -> new byte[0];
            case NULL -> null;
        };
        return new BadPayload(kind, seed, value);
    }

    /** One payload of each kind, in an order shuffled by the seed. */
    public static List<BadPayload> everyKind(SpecificRecord good, long seed) {
        return ofKinds(List.of(Kind.values()), good, seed);
    }

    /** One payload of each of these kinds, in an order shuffled by the seed. */
    public static List<BadPayload> ofKinds(List<Kind> kinds, SpecificRecord good, long seed) {
        List<BadPayload> payloads = new ArrayList<>();
        for (Kind kind : kinds) {
            payloads.add(of(kind, good, seed));
        }
        Collections.shuffle(payloads, new Random(seed));
        return payloads;
    }

    /** Every kind but the one that decodes: what a consumer that only judges decoding must skip. */
    public static List<Kind> undecodableKinds() {
        return Arrays.stream(Kind.values()).filter(kind -> !kind.decodes()).toList();
    }

    public int length() {
        return value == null ? 0 : value.length;
    }

    @Override
    public String toString() {
        return kind + "#" + seed + " (" + (value == null ? "null" : value.length + " bytes") + ")";
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[1 + random.nextInt(MAX_NOISE)];
        random.nextBytes(bytes);
        if (bytes.length > 1 && (bytes[0] & 0xFF) == MARKER_0 && (bytes[1] & 0xFF) == MARKER_1) {
            bytes[0] = (byte) ~bytes[0];
        }
        return bytes;
    }

    /** Noise may by chance be a valid body; it is drawn again until the good record's serde refuses it. */
    private static byte[] randomBody(SpecificRecord good, byte[] encoded, Random random) {
        for (int attempt = 0; attempt < 100; attempt++) {
            byte[] bytes = Arrays.copyOf(encoded, HEADER + 1 + random.nextInt(MAX_NOISE));
            byte[] noise = new byte[bytes.length - HEADER];
            random.nextBytes(noise);
            System.arraycopy(noise, 0, bytes, HEADER, noise.length);
            if (!decodes(good.getClass(), bytes)) {
                return bytes;
            }
        }
        throw new IllegalStateException("100 random bodies in a row decoded as " + good.getClass().getSimpleName());
    }

    private static byte[] unknownFingerprint(byte[] encoded, Random random) {
        byte[] bytes = encoded.clone();
        ByteBuffer fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN);
        long original = fingerprint.getLong(2);
        long flipped;
        do {
            flipped = original ^ random.nextLong();
        } while (flipped == original || known(flipped));
        fingerprint.putLong(2, flipped);
        return bytes;
    }

    private static boolean known(long fingerprint) {
        return EastSerdes.ALL_TYPES.stream().anyMatch(t -> EastSerdes.forType(t).readableFingerprints()
                .contains(fingerprint))
                || EastSerdes.STATE_TYPES.stream().anyMatch(t -> EastSerdes.forType(t).readableFingerprints()
                .contains(fingerprint));
    }

    private static byte[] wrongType(SpecificRecord good, Random random) {
        List<SpecificRecord> others = SampleRecords.full().stream()
                .filter(record -> record.getClass() != good.getClass()).toList();
        return encode(others.get(random.nextInt(others.size())));
    }

    private static byte[] oversized(byte[] encoded, Random random) {
        byte[] bytes = Arrays.copyOf(encoded, HUGE_BYTES);
        byte[] noise = new byte[HUGE_BYTES - encoded.length];
        random.nextBytes(noise);
        System.arraycopy(noise, 0, bytes, encoded.length, noise.length);
        return bytes;
    }

    /** The longest string field grows, so the record stays what its consumer expects in every other respect. */
    private static byte[] hugeRecord(SpecificRecord good) {
        Schema schema = good.getSchema();
        // A copy through the serde: Avro's own deepCopy refuses classes it was not told to trust.
        SpecificRecord copy = EastSerdes.forType(good.getClass()).deserialize(encode(good));
        Schema.Field longest = null;
        for (Schema.Field field : schema.getFields()) {
            if (copy.get(field.pos()) instanceof CharSequence text
                    && (longest == null || text.length() > ((CharSequence) copy.get(longest.pos())).length())) {
                longest = field;
            }
        }
        if (longest == null) {
            throw new IllegalArgumentException(schema.getName() + " has no string field set to grow");
        }
        // Grown until the record is 5 MiB: the length prefix and multi-byte characters make one guess fall short.
        int length = HUGE_BYTES - encode(good).length;
        byte[] bytes;
        do {
            copy.put(longest.pos(), "x".repeat(length));
            bytes = encode(copy);
            length += HUGE_BYTES - bytes.length;
        } while (bytes.length < HUGE_BYTES);
        return bytes;
    }

    private static byte[] encode(SpecificRecord record) {
        @SuppressWarnings("unchecked")
        AvroSerde<SpecificRecord> serde = (AvroSerde<SpecificRecord>) EastSerdes.forType(record.getClass());
        return serde.serialize(record);
    }

    private static boolean decodes(Class<? extends SpecificRecord> type, byte[] bytes) {
        try {
            EastSerdes.forType(type).deserialize(bytes);
            return true;
        } catch (SerializationException e) {
            return false;
        }
    }
}
