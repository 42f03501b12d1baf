package io.east.eval;

import io.east.schemas.topics.ClientConfigs;
import io.east.schemas.EvalResult;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.topics.EastTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes EvalResults to east.eval, keyed like the other per-run topics by the experiment or "main". Each send is
 * waited for: an evaluation takes minutes, so a result reported as published must be on the broker.
 */
public final class EvalPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EvalPublisher.class);
    private static final Duration SEND_TIMEOUT = Duration.ofMinutes(2);

    private final Producer<byte[], byte[]> producer;
    private final String topic;

    public EvalPublisher(Producer<byte[], byte[]> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    public static EvalPublisher connect(Map<String, Object> clientProperties) {
        return new EvalPublisher(new KafkaProducer<>(ClientConfigs.idempotentProducer(clientProperties, "east-eval"),
                new ByteArraySerializer(), new ByteArraySerializer()), EastTopics.EVAL.name());
    }

    /** @throws KafkaException when the broker did not take the record */
    public void publish(EvalResult result) throws InterruptedException {
        String key = EastTopics.recordKey(result.getExperiment());
        try {
            producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8),
                    EastSerdes.evalResult().serialize(result))).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new KafkaException("eval result of model version " + result.getModelVersion() + " not published",
                    e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("eval result of model version " + result.getModelVersion()
                    + " not published within " + SEND_TIMEOUT, e);
        }
        LOG.atInfo().addKeyValue("topic", topic).addKeyValue("key", key)
                .addKeyValue("model_version", result.getModelVersion()).addKeyValue("pass_at_1", result.getPassAt1())
                .log("eval result published");
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
