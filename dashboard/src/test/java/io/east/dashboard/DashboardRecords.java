package io.east.dashboard;

import io.east.schemas.AnswerCluster;
import io.east.schemas.EvalResult;
import io.east.schemas.GroupSummary;
import io.east.schemas.Histogram;
import io.east.schemas.ModelVersion;
import io.east.schemas.TrainMetrics;
import io.east.schemas.WeightStats;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.topics.EastTopics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Records as the streams app, trainer and evaluator publish them, and a producer that sends them as they would. */
final class DashboardRecords implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;

    DashboardRecords(Map<String, Object> producerProps) {
        this.producer = new KafkaProducer<>(producerProps);
    }

    static WeightStats window(String experiment, long index, List<Integer> entropyCounts, List<Integer> weightCounts,
            double alpha, double normaliser, double mean, Map<String, Integer> discarded) {
        int kept = entropyCounts.stream().mapToInt(Integer::intValue).sum();
        return WeightStats.newBuilder().setExperiment(experiment).setScope("window:64")
                .setScopeId("p0/window-" + index).setWindowIndex(index).setStrategy("entropy").setAlpha(alpha)
                .setKept(kept).setDiscarded(discarded)
                .setEntropyHistogram(Histogram.newBuilder().setLower(0).setUpper(8).setCounts(entropyCounts).build())
                .setWeightHistogram(Histogram.newBuilder().setLower(0).setUpper(4).setCounts(weightCounts).build())
                .setWeightMean(mean).setWeightMin(0.2).setWeightMax(2.6)
                // Quantiles drift a little from window to window, as real ones do.
                .setWeightQuantiles(Map.of("p10", 0.4 + 0.03 * (index % 3), "p25", 0.7, "p50", 0.9 + 0.04 * index,
                        "p75", 1.25, "p90", 1.7 - 0.05 * index))
                .setNormaliser(normaliser).setCreatedAt(Instant.now()).build();
    }

    static TrainMetrics step(String experiment, long step, double loss, double meanWeight) {
        return TrainMetrics.newBuilder().setStep(step).setModelVersion(1 + step / 10).setLoss(loss)
                .setWeightedLoss(loss * meanWeight).setMeanWeight(meanWeight).setGradNorm(1.5)
                .setTokensPerSecond(900).setExamplesSeen(step * 16).setLearningRate(1e-5).setExperiment(experiment)
                .setCreatedAt(Instant.now()).build();
    }

    static EvalResult eval(String experiment, long version, double passAt1) {
        return EvalResult.newBuilder().setModelVersion(version).setCheckpointUri("file:///ckpt/v" + version)
                .setDataset("gsm8k").setSplit("test").setQuestions(500).setPassAt1(passAt1)
                .setPassAt1CiLow(passAt1 - 0.04).setPassAt1CiHigh(passAt1 + 0.04).setExperiment(experiment)
                .setCreatedAt(Instant.now()).build();
    }

    static ModelVersion version(String experiment, long version, String checkpointUri) {
        return ModelVersion.newBuilder().setVersion(version).setCheckpointUri(checkpointUri).setStep(version * 10)
                .setParentVersion(version > 1 ? version - 1 : null).setExamplesSeen(version * 160)
                .setExperiment(experiment).setCreatedAt(Instant.now()).build();
    }

    static GroupSummary group(String taskId, String dataset, List<AnswerCluster> clusters) {
        int n = clusters.stream().mapToInt(AnswerCluster::getCount).sum();
        int correct = clusters.stream().filter(AnswerCluster::getCorrect).mapToInt(AnswerCluster::getCount).sum();
        return GroupSummary.newBuilder().setTaskId(taskId).setQuestionId(taskId.split("@")[0]).setDataset(dataset)
                .setRound(0).setNExpected(n).setNReceived(n).setClusters(clusters).setEntropy(1.2)
                .setAccuracy((double) correct / n).setRejectedShare(0.25).setKept(correct > 0 && correct < n)
                .setDiscardReason(correct == 0 ? "no_correct" : correct == n ? "all_correct" : null)
                .setPolicyVersions(List.of(0L)).setClustering("exact").setCompletedBy("count")
                .setCreatedAt(Instant.now()).build();
    }

    static AnswerCluster cluster(String answer, int count, boolean correct) {
        return AnswerCluster.newBuilder().setAnswer(answer).setCount(count).setCorrect(correct).build();
    }

    void send(String experiment, WeightStats stats) {
        String topic = experiment == null ? EastTopics.WEIGHT_STATS.name()
                : EastTopics.WEIGHT_STATS.forExperiment(experiment).name();
        send(topic, stats.getScopeId(), EastSerdes.weightStats().serialize(stats));
    }

    void send(TrainMetrics metrics) {
        send(EastTopics.TRAIN_METRICS.name(), FollowedTopics.experimentOf(metrics.getExperiment()),
                EastSerdes.trainMetrics().serialize(metrics));
    }

    void send(EvalResult result) {
        send(EastTopics.EVAL.name(), FollowedTopics.experimentOf(result.getExperiment()),
                EastSerdes.evalResult().serialize(result));
    }

    void send(ModelVersion version) {
        send(EastTopics.MODEL_VERSIONS.name(), FollowedTopics.experimentOf(version.getExperiment()),
                EastSerdes.modelVersion().serialize(version));
    }

    void send(GroupSummary group) {
        send(EastTopics.GROUPS.name(), group.getTaskId(), EastSerdes.groupSummary().serialize(group));
    }

    void sendRaw(String topic, byte[] value) {
        send(topic, "raw", value);
    }

    private void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new AssertionError("cannot send to " + topic, e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
