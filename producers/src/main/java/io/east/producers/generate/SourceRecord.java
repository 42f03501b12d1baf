package io.east.producers.generate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/** Where a polled question record came from, and its raw bytes for a dead letter. */
record SourceRecord(TopicPartition partition, long offset, byte[] key, byte[] value) {

    static SourceRecord of(ConsumerRecord<byte[], byte[]> record) {
        return new SourceRecord(new TopicPartition(record.topic(), record.partition()), record.offset(), record.key(),
                record.value());
    }

    @Override
    public String toString() {
        return partition + "@" + offset;
    }
}
