package io.east.schemas.serde;

import java.io.EOFException;
import java.io.IOException;
import org.apache.avro.AvroTypeException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Reads the Avro single-object frame: {@code 0xC3 0x01}, the writer schema's CRC-64-AVRO fingerprint as 8
 * little-endian bytes, then the Avro binary body.
 *
 * <p>The body is decoded from the byte array itself rather than through {@code BinaryMessageDecoder}'s stream: a
 * decoder backed by the array knows how many bytes remain, so a corrupt length prefix fails as truncated instead of
 * allocating up to 2 GiB first, and bytes left over after the record are noticed instead of silently ignored.
 */
final class SingleObjectFrame {

    static final int MARKER_0 = 0xC3;
    static final int MARKER_1 = 0x01;
    static final int HEADER_LENGTH = 10;

    private static final ThreadLocal<BinaryDecoder> DECODERS = new ThreadLocal<>();

    private SingleObjectFrame() {
    }

    /** The writer-schema fingerprint of a frame; {@code what} names the caller's target in error messages. */
    static long fingerprint(byte[] data, String what) {
        if (data.length < 2) {
            throw failure(what, "truncated: " + data.length + " byte(s), shorter than the 2-byte single-object marker");
        }
        int b0 = data[0] & 0xFF;
        int b1 = data[1] & 0xFF;
        if (b0 != MARKER_0 || b1 != MARKER_1) {
            throw failure(what, String.format("bad marker 0x%02X 0x%02X: expected 0xC3 0x01 of Avro single-object "
                    + "encoding, so these bytes were not written by an east serde%s", b0, b1,
                    b0 == 0 ? " (a leading 0x00 suggests Confluent schema-registry framing)" : ""));
        }
        if (data.length < HEADER_LENGTH) {
            throw failure(what, "truncated: " + data.length + " bytes, shorter than the " + HEADER_LENGTH
                    + "-byte single-object header");
        }
        long fingerprint = 0;
        for (int i = HEADER_LENGTH - 1; i >= 2; i--) {
            fingerprint = (fingerprint << 8) | (data[i] & 0xFF);
        }
        return fingerprint;
    }

    /** Decodes the body after the header with a reader already chosen for the frame's fingerprint. */
    static <D> D readBody(byte[] data, DatumReader<D> reader, String what, String writer) {
        // One decoder per thread, re-aimed at each record: decoders are cheap to re-aim but not to create.
        BinaryDecoder decoder = DecoderFactory.get()
                .binaryDecoder(data, HEADER_LENGTH, data.length - HEADER_LENGTH, DECODERS.get());
        DECODERS.set(decoder);
        D datum;
        try {
            datum = reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            // Garbage after a valid header surfaces as whichever exception the decoder trips over first.
            if (causedByEndOfInput(e)) {
                throw failure(what, "truncated payload: the " + (data.length - HEADER_LENGTH)
                        + "-byte body ends inside a " + writer + " record", e);
            }
            if (e instanceof AvroTypeException) {
                // Raised by schema resolution, whatever the bytes: the writer schema and the current one disagree.
                throw failure(what, "a " + writer + " record cannot be resolved to the current schema: "
                        + describe(e), e);
            }
            throw failure(what, "corrupt payload for " + writer + ": " + describe(e), e);
        }
        int trailing = remaining(decoder);
        if (trailing != 0) {
            throw failure(what, trailing + " trailing byte(s) after a complete " + writer
                    + " record: the payload is corrupt");
        }
        return datum;
    }

    static String hex(long fingerprint) {
        return String.format("0x%016X", fingerprint);
    }

    static SerializationException failure(String what, String problem) {
        return new SerializationException("Cannot decode " + what + ": " + problem);
    }

    static SerializationException failure(String what, String problem, Throwable cause) {
        return new SerializationException("Cannot decode " + what + ": " + problem, cause);
    }

    private static int remaining(BinaryDecoder decoder) {
        try {
            return decoder.isEnd() ? 0 : Math.max(1, decoder.inputStream().available());
        } catch (IOException e) {
            return 1;
        }
    }

    private static boolean causedByEndOfInput(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EOFException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return root == e || root.getMessage() == null ? message : message + " (" + root.getMessage() + ")";
    }
}
