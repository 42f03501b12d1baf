package io.east.dashboard;

import io.east.schemas.EvalResult;
import io.east.schemas.GroupSummary;
import io.east.schemas.ModelVersion;
import io.east.schemas.TrainMetrics;
import io.east.schemas.WeightStats;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.topics.EastTopics;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes each record with its topic's serde (never Avro's generated decoders, see EastSerdes) and hands it to the
 * state and the meters. A record that cannot be decoded or shown is logged with its coordinates and skipped: one bad
 * record must not blank the dashboard.
 */
record RecordRouter(FollowedTopics topics, DashboardState state, DashboardMeters meters) {

    private static final Logger LOG = LoggerFactory.getLogger(RecordRouter.class);

    void route(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            // A tombstone on the compacted east.model-versions deletes a pointer; there is nothing to draw.
            return;
        }
        String topic = record.topic();
        try {
            Optional<String> weightStatsOf = topics.weightStatsExperiment(topic);
            if (weightStatsOf.isPresent()) {
                WeightStats stats = EastSerdes.weightStats().deserializer().deserialize(topic, record.value());
                state.weightStats(weightStatsOf.get(), stats);
                meters.weightStats(weightStatsOf.get(), stats);
            } else if (topic.equals(EastTopics.GROUPS.name())) {
                GroupSummary group = EastSerdes.groupSummary().deserializer().deserialize(topic, record.value());
                state.group(group);
            } else if (topic.equals(EastTopics.TRAIN_METRICS.name())) {
                TrainMetrics metrics = EastSerdes.trainMetrics().deserializer().deserialize(topic, record.value());
                state.trainMetrics(metrics);
                meters.trainMetrics(metrics);
            } else if (topic.equals(EastTopics.EVAL.name())) {
                EvalResult result = EastSerdes.evalResult().deserializer().deserialize(topic, record.value());
                state.evalResult(result);
                meters.evalResult(result);
            } else if (topic.equals(EastTopics.MODEL_VERSIONS.name())) {
                ModelVersion version = EastSerdes.modelVersion().deserializer().deserialize(topic, record.value());
                state.modelVersion(version);
                meters.modelVersion(version);
            } else {
                throw new IllegalStateException("not a followed topic");
            }
            meters.recordRead(topic);
        } catch (RuntimeException e) {
            meters.recordSkipped(topic);
            LOG.atWarn().addKeyValue("topic", topic).addKeyValue("partition", record.partition())
                    .addKeyValue("offset", record.offset()).addKeyValue("error", e.toString())
                    .log("record skipped: cannot decode or show it");
        }
    }
}
