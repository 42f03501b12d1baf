package io.east.producers.generate;

import io.east.core.answer.AnswerExtractor;
import io.east.core.answer.AnswerGrader;
import io.east.core.answer.AnswerNormalizer;
import io.east.schemas.QuestionTask;
import io.east.schemas.ReasoningSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Grades the generations of one task and turns them into its n samples. */
public final class ReasoningSamples {

    private ReasoningSamples() {
    }

    /**
     * The samples of a task, {@code sample_index} 0..n-1 in generation order.
     *
     * @throws IllegalArgumentException when there are not exactly n generations
     */
    public static List<ReasoningSample> of(QuestionTask task, List<Generation> generations, String generator,
            Instant createdAt) {
        if (generations.size() != task.getN()) {
            throw new IllegalArgumentException("task " + task.getTaskId() + " needs " + task.getN()
                    + " generations, got " + generations.size());
        }
        List<ReasoningSample> samples = new ArrayList<>(generations.size());
        for (int i = 0; i < generations.size(); i++) {
            samples.add(sample(task, i, generations.get(i), generator, createdAt));
        }
        return samples;
    }

    static ReasoningSample sample(QuestionTask task, int index, Generation generation, String generator,
            Instant createdAt) {
        String response = generation.text();
        String extracted = AnswerExtractor.extract(response).orElse(null);
        return ReasoningSample.newBuilder()
                .setTaskId(task.getTaskId())
                .setQuestionId(task.getQuestionId())
                .setDataset(task.getDataset())
                .setRound(task.getRound())
                .setSampleIndex(index)
                .setN(task.getN())
                .setQuestion(task.getQuestion())
                .setResponse(response)
                .setPredictedAnswer(normalized(extracted))
                .setGoldAnswer(task.getGoldAnswer())
                .setCorrect(AnswerGrader.equivalent(extracted, task.getGoldAnswer()))
                .setPolicyVersion(generation.policyVersion())
                .setGenerator(generator)
                .setCreatedAt(createdAt)
                .setTokenCount(generation.tokenCount())
                .setMeanLogprob(generation.meanLogprob())
                .setContainsBoxed(AnswerExtractor.containsBoxed(response))
                .build();
    }

    /** Exact clustering downstream keys on this string, so it must be the normalised form. */
    private static String normalized(String extracted) {
        if (extracted == null) {
            return null;
        }
        String normalized = AnswerNormalizer.normalize(extracted);
        return normalized.isEmpty() ? null : normalized;
    }
}
