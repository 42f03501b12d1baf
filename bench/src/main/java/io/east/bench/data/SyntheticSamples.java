package io.east.bench.data;

import io.east.core.TaskIds;
import io.east.core.answer.AnswerExtractor;
import io.east.schemas.ReasoningSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic sample log for benchmarks and tests: tasks whose n responses agree with a per-task probability,
 * padded to a chosen response size so throughput is measured at a realistic record size.
 */
public final class SyntheticSamples {

    private SyntheticSamples() {
    }

    /** The samples of {@code tasks} tasks in task order, each task's samples in index order. */
    public static List<ReasoningSample> log(String dataset, int tasks, int n, int responseChars, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String padding = "Let us think step by step. ".repeat(Math.max(1, responseChars / 27));
        List<ReasoningSample> samples = new ArrayList<>(tasks * n);
        for (int t = 0; t < tasks; t++) {
            int gold = 2 + random.nextInt(500);
            double pCorrect = random.nextDouble();
            String questionId = "q" + t;
            String taskId = TaskIds.of(dataset, questionId, 0);
            for (int i = 0; i < n; i++) {
                String answer = SyntheticGenerations.pickAnswer(random, gold, pCorrect);
                String response = padding + "So the answer is \\boxed{" + answer + "}.";
                samples.add(ReasoningSample.newBuilder()
                        .setTaskId(taskId)
                        .setQuestionId(questionId)
                        .setDataset(dataset)
                        .setRound(0)
                        .setSampleIndex(i)
                        .setN(n)
                        .setQuestion("What is " + gold + " - 1 + 1?")
                        .setResponse(response)
                        .setPredictedAnswer(answer)
                        .setGoldAnswer(Integer.toString(gold))
                        .setCorrect(answer.equals(Integer.toString(gold)))
                        .setPolicyVersion(0)
                        .setGenerator("synthetic")
                        .setCreatedAt(Instant.ofEpochMilli(0))
                        .setTokenCount(response.length() / 4)
                        .setMeanLogprob(-0.25)
                        .setContainsBoxed(AnswerExtractor.containsBoxed(response))
                        .build());
            }
        }
        return samples;
    }
}
