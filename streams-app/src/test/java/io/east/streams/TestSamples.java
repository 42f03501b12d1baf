package io.east.streams;

import io.east.schemas.ReasoningSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Samples for tests: a task's answers written as "5+" (correct, boxed) or "7-" (wrong, boxed); null = no answer. */
final class TestSamples {

    private TestSamples() {
    }

    static ReasoningSample sample(String taskId, int index, int n, String answer, boolean correct) {
        return ReasoningSample.newBuilder()
                .setTaskId(taskId)
                .setQuestionId("q-" + taskId)
                .setDataset("test")
                .setRound(0)
                .setSampleIndex(index)
                .setN(n)
                .setQuestion("What is the answer to " + taskId + "?")
                .setResponse(answer == null ? "I do not know." : "So \\boxed{" + answer + "}. (sample " + index + ")")
                .setPredictedAnswer(answer)
                .setGoldAnswer("5")
                .setCorrect(correct)
                .setPolicyVersion(index % 2)
                .setGenerator("test")
                .setCreatedAt(Instant.ofEpochMilli(1_000))
                .setTokenCount(10)
                .setMeanLogprob(-0.5)
                .setContainsBoxed(answer != null)
                .build();
    }

    /** Every sample of a task: "5+" is the correct answer 5, "7-" a wrong 7. */
    static List<ReasoningSample> task(String taskId, String... answers) {
        List<ReasoningSample> samples = new ArrayList<>();
        for (int i = 0; i < answers.length; i++) {
            String spec = answers[i];
            String answer = spec == null ? null : spec.substring(0, spec.length() - 1);
            boolean correct = spec != null && spec.endsWith("+");
            samples.add(sample(taskId, i, answers.length, answer, correct));
        }
        return samples;
    }
}
