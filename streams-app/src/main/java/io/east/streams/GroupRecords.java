package io.east.streams;

import io.east.core.group.DiscardReason;
import io.east.core.group.GroupAnalysis;
import io.east.core.group.ResponseCluster;
import io.east.core.group.SampleAnswer;
import io.east.schemas.AnswerCluster;
import io.east.schemas.GroupSummary;
import io.east.schemas.ReasoningSample;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/** Turns the core analysis of a completed group into the records the app publishes. */
final class GroupRecords {

    private GroupRecords() {
    }

    static List<SampleAnswer> answers(List<ReasoningSample> samples) {
        return samples.stream()
                .map(s -> new SampleAnswer(s.getSampleIndex(), s.getPredictedAnswer(), s.getCorrect(),
                        s.getContainsBoxed()))
                .toList();
    }

    /**
     * @param samples    at least one sample of the task
     * @param analysis   empty reason and stats for a group discarded before analysis (too few samples)
     */
    static GroupSummary summary(List<ReasoningSample> samples, int nExpected, GroupAnalysis analysis,
            String clustering, String completedBy, long now) {
        return describing(samples, nExpected, clustering, now)
                .setClusters(analysis.clusters().stream().map(GroupRecords::cluster).toList())
                .setEntropy(analysis.entropy())
                .setAccuracy(analysis.accuracy())
                .setRejectedShare(analysis.rejectedShare())
                .setKept(analysis.kept())
                .setDiscardReason(analysis.discardReason().map(DiscardReason::code).orElse(null))
                .setChosenIndex(analysis.chosenIndex().orElse(null))
                .setRejectedIndex(analysis.rejectedIndex().orElse(null))
                .setCompletedBy(completedBy)
                .build();
    }

    /** The summary of a group that timed out with fewer samples than the minimum. */
    static GroupSummary incomplete(List<ReasoningSample> samples, int nExpected, String clustering, long now) {
        return describing(samples, nExpected, clustering, now)
                .setClusters(List.of())
                .setEntropy(0.0)
                .setAccuracy(samples.stream().filter(ReasoningSample::getCorrect).count() / (double) samples.size())
                .setRejectedShare(0.0)
                .setKept(false)
                .setDiscardReason(DiscardReason.INCOMPLETE.code())
                .setCompletedBy("timeout")
                .build();
    }

    /** A summary builder with what every summary says of its group: the task, the counts, the policies, when. */
    private static GroupSummary.Builder describing(List<ReasoningSample> samples, int nExpected, String clustering,
            long now) {
        ReasoningSample first = samples.get(0);
        return GroupSummary.newBuilder()
                .setTaskId(first.getTaskId())
                .setQuestionId(first.getQuestionId())
                .setDataset(first.getDataset())
                .setRound(first.getRound())
                .setNExpected(nExpected)
                .setNReceived(samples.size())
                .setPolicyVersions(List.copyOf(new TreeSet<>(samples.stream()
                        .map(ReasoningSample::getPolicyVersion).toList())))
                .setClustering(clustering)
                .setCreatedAt(Instant.ofEpochMilli(now));
    }

    private static AnswerCluster cluster(ResponseCluster cluster) {
        return AnswerCluster.newBuilder()
                .setAnswer(cluster.answer())
                .setCount(cluster.count())
                .setCorrect(cluster.correct())
                .build();
    }
}
