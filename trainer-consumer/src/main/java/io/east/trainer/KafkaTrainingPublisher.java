package io.east.trainer;

import io.east.schemas.ModelVersion;
import io.east.schemas.topics.ClientConfigs;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.east.schemas.TrainMetrics;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.topics.EastTopics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes TrainMetrics per step on east.train-metrics and a ModelVersion per checkpoint on east.model-versions,
 * both keyed by the experiment (or "main"). Steps up to the highest one an earlier run published are redone after a
 * resume; their metrics are already on the topic and are not sent again. Metrics are sent without waiting (a lost metric is only a gap on a
 * chart); a ModelVersion is waited for, so a run never reports a checkpoint as announced when it is not. Should
 * that send fail after the producer's own retries, the run stops; the restart announces its newest checkpoint
 * again (the topic is compacted, so a repeated pointer is harmless).
 */
public final class KafkaTrainingPublisher implements TrainingListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaTrainingPublisher.class);
    private static final Duration VERSION_SEND_TIMEOUT = Duration.ofMinutes(3);

    private final KafkaProducer<String, byte[]> producer;
    private final String key;
    private final long publishedThroughStep;

    /** @param publishedThroughStep the highest step whose metrics an earlier run published (0: none) */
    public KafkaTrainingPublisher(Map<String, Object> clientProperties, String key, long publishedThroughStep) {
        this.producer = new KafkaProducer<>(ClientConfigs.idempotentProducer(clientProperties, "east-trainer-" + key),
                new StringSerializer(), new ByteArraySerializer());
        this.key = key;
        this.publishedThroughStep = publishedThroughStep;
    }

    /** The producer's own client metrics, for the process's /metrics. */
    KafkaClientMetrics clientMetrics() {
        return new KafkaClientMetrics(producer);
    }

    @Override
    public void stepped(TrainMetrics metrics) {
        if (metrics.getStep() <= publishedThroughStep) {
            LOG.atDebug().addKeyValue("step", metrics.getStep()).log("redone step: its metrics are already published");
            return;
        }
        byte[] value = EastSerdes.trainMetrics().serialize(metrics);
        producer.send(new ProducerRecord<>(EastTopics.TRAIN_METRICS.name(), key, value), (meta, error) -> {
            if (error != null) {
                LOG.atWarn().addKeyValue("step", metrics.getStep()).log("train metrics not published: {}", error.toString());
            }
        });
    }

    @Override
    public void checkpointed(Checkpoint checkpoint, ModelVersion version) {
        publish(version);
    }

    /** Sends a ModelVersion and waits until the broker has it. */
    public void publish(ModelVersion version) {
        byte[] value = EastSerdes.modelVersion().serialize(version);
        try {
            producer.send(new ProducerRecord<>(EastTopics.MODEL_VERSIONS.name(), key, value))
                    .get(VERSION_SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            LOG.atInfo().addKeyValue("version", version.getVersion()).addKeyValue("key", key)
                    .addKeyValue("checkpoint", version.getCheckpointUri()).log("model version published");
        } catch (ExecutionException e) {
            throw new KafkaException("model version " + version.getVersion() + " not published", e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("model version " + version.getVersion() + " not published within "
                    + VERSION_SEND_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while publishing model version " + version.getVersion(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
