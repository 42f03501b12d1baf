package io.east.producers.samples;

import io.east.formats.SamplesFormat;
import io.east.producers.generate.PromptTemplate;
import io.east.producers.generate.SamplingParams;
import java.util.Objects;

/**
 * What an offline sampling run asks of each question: the generator's prompt, sampling and grading, with the task ids
 * the feeder would give (so a file and a topic made from the same questions name their tasks alike).
 *
 * @param dataset the dataset name in task ids and samples, e.g. {@code synthetic}
 * @param round the round in task ids
 * @param n responses per question
 * @param questionsPerCall questions handed to the backend at a time (all their n copies are batched together)
 */
public record SampleJob(String dataset, int round, int n, PromptTemplate template, SamplingParams sampling,
        int questionsPerCall) {

    public static final int DEFAULT_QUESTIONS_PER_CALL = 16;

    public SampleJob {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(sampling, "sampling");
        if (dataset == null || dataset.isBlank()) {
            throw new IllegalArgumentException("the dataset name must not be blank");
        }
        if (round < 0) {
            throw new IllegalArgumentException("round must be >= 0, got " + round);
        }
        if (n < 1 || n > SamplesFormat.MAX_N) {
            throw new IllegalArgumentException("--n must be in [1, " + SamplesFormat.MAX_N
                    + "], got " + n);
        }
        if (questionsPerCall < 1) {
            throw new IllegalArgumentException("questions per call must be >= 1, got " + questionsPerCall);
        }
    }
}
