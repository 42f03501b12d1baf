package io.east.producers.testing;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** A MockProducer that completes every send at once, except those of keys told to fail, which fail with an error. */
public final class FailingProducer<V> extends MockProducer<String, V> {

    private final Map<String, RuntimeException> failures = new ConcurrentHashMap<>();

    /** Every record to partition 0: these unit tests are about what is sent, not where. */
    private static final class FirstPartition implements Partitioner {
        @Override
        public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes,
                Cluster cluster) {
            return 0;
        }

        @Override
        public void configure(Map<String, ?> configs) {
        }

        @Override
        public void close() {
        }
    }

    /** @param serializer the real value serializer, so that the records are checked to serialise */
    public FailingProducer(Serializer<V> serializer) {
        super(true, new FirstPartition(), new StringSerializer(), serializer);
    }

    public FailingProducer<V> failKey(String key, RuntimeException error) {
        failures.put(key, error);
        return this;
    }

    @Override
    public synchronized Future<RecordMetadata> send(ProducerRecord<String, V> record, Callback callback) {
        RuntimeException error = failures.get(record.key());
        if (error == null) {
            return super.send(record, callback);
        }
        callback.onCompletion(null, error);
        return CompletableFuture.failedFuture(error);
    }
}
