package io.east.testkit;

import io.east.schemas.ReasoningSample;
import java.time.Instant;

/** Graded samples for the tests of what consumes them: the gold answer is always "5". */
public final class GradedSamples {

    private GradedSamples() {
    }

    /**
     * Sample {@code index} of the {@code n} of task {@code taskId}, predicting {@code answer} (null: no answer, and
     * then nothing boxed). Question id "q-" + taskId, dataset and generator "test", round and policy version 0 and the
     * token figures are fixed; the caller sets the question and the response.
     */
    public static ReasoningSample.Builder builder(String taskId, int index, int n, String answer, boolean correct) {
        return ReasoningSample.newBuilder()
                .setTaskId(taskId)
                .setQuestionId("q-" + taskId)
                .setDataset("test")
                .setRound(0)
                .setSampleIndex(index)
                .setN(n)
                .setPredictedAnswer(answer)
                .setGoldAnswer("5")
                .setCorrect(correct)
                .setPolicyVersion(0)
                .setGenerator("test")
                .setCreatedAt(Instant.ofEpochMilli(1_000))
                .setTokenCount(10)
                .setMeanLogprob(-0.5)
                .setContainsBoxed(answer != null);
    }
}
