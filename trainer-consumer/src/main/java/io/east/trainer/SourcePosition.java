package io.east.trainer;

/**
 * Where one record came from: a stream key and the record's offset in it. For Kafka the key is the
 * topic-partition as {@code TopicPartition.toString()} spells it ({@code east.weighted-0}) and the offset is the
 * Kafka offset; for a {@code --data} file the key is {@code file:NAME} and the offset is the 0-based line index.
 * Either way, {@code offset + 1} is where reading resumes after this record.
 */
public record SourcePosition(String key, long offset) {

    public SourcePosition {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("a position needs a key");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, got " + offset);
        }
    }

    public long next() {
        return offset + 1;
    }

    @Override
    public String toString() {
        return key + "@" + offset;
    }
}
