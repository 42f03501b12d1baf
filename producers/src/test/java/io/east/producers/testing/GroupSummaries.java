package io.east.producers.testing;

import io.east.schemas.AnswerCluster;
import io.east.schemas.GroupSummary;
import java.time.Instant;
import java.util.List;

/** What the streams app would publish when a task completes, reduced to what the feeder reads. */
public final class GroupSummaries {

    private GroupSummaries() {
    }

    public static GroupSummary completed(String taskId) {
        return GroupSummary.newBuilder()
                .setTaskId(taskId)
                .setQuestionId(taskId.substring(taskId.indexOf('/') + 1, taskId.lastIndexOf('@')))
                .setDataset(taskId.substring(0, taskId.indexOf('/')))
                .setRound(Integer.parseInt(taskId.substring(taskId.lastIndexOf("@r") + 2)))
                .setNExpected(2)
                .setNReceived(2)
                .setClusters(List.of(AnswerCluster.newBuilder().setAnswer("1").setCount(2).setCorrect(true).build()))
                .setEntropy(0)
                .setAccuracy(1)
                .setRejectedShare(0)
                .setKept(false)
                .setDiscardReason("all_correct")
                .setPolicyVersions(List.of(0L))
                .setClustering("exact")
                .setCompletedBy("count")
                .setCreatedAt(Instant.now())
                .build();
    }
}
