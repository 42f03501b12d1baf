package io.east.testkit;

import io.east.schemas.WeightedExample;
import java.time.Instant;

/** WeightedExamples for the tests of what trains on them: every field set, so a test sets only what it is about. */
public final class TrainingExamples {

    private TrainingExamples() {
    }

    /**
     * An example of task {@code taskId}: question id "q-" + taskId, dataset "test", round and policy version 0,
     * prompt "p", chosen "c", rejected "r", weight 1, entropy weighting (alpha 1) over the whole dataset, created at
     * the epoch and in no experiment.
     */
    public static WeightedExample.Builder builder(String taskId) {
        return WeightedExample.newBuilder()
                .setTaskId(taskId)
                .setQuestionId("q-" + taskId)
                .setDataset("test")
                .setRound(0)
                .setPrompt("p")
                .setChosen("c")
                .setRejected("r")
                .setWeight(1)
                .setSignal(1)
                .setEntropy(1)
                .setAccuracy(0.5)
                .setRejectedShare(0.5)
                .setStrategy("entropy")
                .setAlpha(1)
                .setScope("dataset")
                .setScopeId("dataset")
                .setNormaliser(1)
                .setPolicyVersion(0)
                .setExperiment(null)
                .setCreatedAt(Instant.EPOCH);
    }
}
