package io.east.schemas.serde;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * Random generic datums of any schema, biased towards edge values (empty, extreme, non-ASCII), for checks that must
 * hold for every value a writer could produce rather than a few hand-picked ones. Logical types are written as their
 * underlying type, as an old writer's bytes would be.
 */
final class RandomDatums {

    private static final int MAX_DEPTH = 8;
    private static final String[] AWKWARD = {
        "", " ", "\"", "\\", "\n", "<script>", "é", "ß", "中文", "😀", "\u0000", "\u2028", "NaN"};

    private final Random random;

    RandomDatums(long seed) {
        this.random = new Random(seed);
    }

    Object of(Schema schema) {
        return of(schema, 0);
    }

    private Object of(Schema schema, int depth) {
        return switch (schema.getType()) {
            case RECORD -> record(schema, depth);
            case UNION -> union(schema, depth);
            case ARRAY -> {
                List<Object> items = new ArrayList<>();
                for (int i = size(depth); i > 0; i--) {
                    items.add(of(schema.getElementType(), depth + 1));
                }
                yield new GenericData.Array<>(schema, items);
            }
            case MAP -> {
                Map<String, Object> entries = new HashMap<>();
                for (int i = size(depth); i > 0; i--) {
                    entries.put(string(), of(schema.getValueType(), depth + 1));
                }
                yield entries;
            }
            case ENUM -> new GenericData.EnumSymbol(schema,
                    schema.getEnumSymbols().get(random.nextInt(schema.getEnumSymbols().size())));
            case FIXED -> new GenericData.Fixed(schema, bytes(schema.getFixedSize()));
            case STRING -> isUuid(schema) ? UUID.randomUUID().toString() : string();
            case BYTES -> ByteBuffer.wrap(bytes(random.nextInt(12)));
            case INT -> pick(0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, random.nextInt());
            case LONG -> pick(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, random.nextLong(),
                    1_700_000_000_000L + random.nextInt(1 << 30));
            case FLOAT -> pick(0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.MIN_VALUE, random.nextFloat());
            case DOUBLE -> pick(0d, -0d, Double.NaN, Double.NEGATIVE_INFINITY, Double.MAX_VALUE,
                    random.nextGaussian());
            case BOOLEAN -> random.nextBoolean();
            case NULL -> null;
        };
    }

    private GenericData.Record record(Schema schema, int depth) {
        GenericData.Record record = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
            record.put(field.pos(), of(field.schema(), depth + 1));
        }
        return record;
    }

    private Object union(Schema schema, int depth) {
        List<Schema> branches = schema.getTypes();
        if (depth >= MAX_DEPTH) {
            // Past the depth limit prefer a branch that cannot recurse, so recursive schemas terminate.
            for (Schema branch : branches) {
                if (branch.getType() == Schema.Type.NULL) {
                    return null;
                }
            }
        }
        return of(branches.get(random.nextInt(branches.size())), depth + 1);
    }

    private int size(int depth) {
        return depth >= MAX_DEPTH ? 0 : random.nextInt(4);
    }

    private String string() {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(5); i > 0; i--) {
            switch (random.nextInt(3)) {
                case 0 -> text.append(AWKWARD[random.nextInt(AWKWARD.length)]);
                case 1 -> text.append((char) ('a' + random.nextInt(26)));
                default -> text.appendCodePoint(codePoint());
            }
        }
        return text.toString();
    }

    /** Any code point except lone surrogates, which UTF-8 cannot carry. */
    private int codePoint() {
        while (true) {
            int candidate = random.nextInt(Character.MAX_CODE_POINT + 1);
            if (candidate < Character.MIN_SURROGATE || candidate > Character.MAX_SURROGATE) {
                return candidate;
            }
        }
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    @SafeVarargs
    private <V> V pick(V... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static boolean isUuid(Schema schema) {
        return schema.getLogicalType() != null && schema.getLogicalType().getName().equals("uuid");
    }
}
