package io.east.streams;

import io.east.schemas.ReasoningSample;
import io.east.testkit.GradedSamples;
import java.util.ArrayList;
import java.util.List;

/** Samples for tests: a task's answers written as "5+" (correct, boxed) or "7-" (wrong, boxed); null = no answer. */
final class TestSamples {

    private TestSamples() {
    }

    static ReasoningSample sample(String taskId, int index, int n, String answer, boolean correct) {
        return GradedSamples.builder(taskId, index, n, answer, correct)
                .setQuestion("What is the answer to " + taskId + "?")
                .setResponse(answer == null ? "I do not know." : "So \\boxed{" + answer + "}. (sample " + index + ")")
                .setPolicyVersion(index % 2)
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
