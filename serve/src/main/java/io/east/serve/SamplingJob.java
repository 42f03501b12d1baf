package io.east.serve;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * One request on its way through the sampling thread, which alone reads and writes its progress: rows handed to
 * Sampler calls so far, choices filled in, and the prompts' token counts under the checkpoint in use.
 */
final class SamplingJob {

    private final long id;
    private final SamplingRequest request;
    private final BatchKey key;
    private final CompletableFuture<SamplingResult> result = new CompletableFuture<>();
    private final SampledChoice[] choices;
    private int[] promptTokens;
    private int nextRow;
    private int filled;
    private SplittableRandom ownSeeds;

    SamplingJob(long id, SamplingRequest request) {
        this.id = id;
        this.request = request;
        this.key = BatchKey.of(request.options(), id);
        this.choices = new SampledChoice[request.rows()];
    }

    long id() {
        return id;
    }

    SamplingRequest request() {
        return request;
    }

    BatchKey key() {
        return key;
    }

    CompletableFuture<SamplingResult> result() {
        return result;
    }

    /** Counted again after each swap, since the tokenizer may have changed. */
    void countedPromptTokens(int[] counts) {
        this.promptTokens = counts.clone();
    }

    int promptTokens(int row) {
        return promptTokens[row / request.n()];
    }

    String prompt(int row) {
        return request.prompts().get(row / request.n());
    }

    boolean started() {
        return nextRow > 0;
    }

    boolean hasRowsLeft() {
        return nextRow < choices.length;
    }

    /** Hands out the next row to sample. */
    int takeRow() {
        return nextRow++;
    }

    void fill(int row, SampledChoice choice) {
        choices[row] = choice;
        filled++;
    }

    boolean complete() {
        return filled == choices.length;
    }

    SamplingResult finish(ModelInfo servedBy) {
        return new SamplingResult(Arrays.asList(choices), Arrays.stream(promptTokens).sum(), servedBy);
    }

    /**
     * The seed of this job's next Sampler call when it brought its own: the k-th call of a request with seed s always
     * gets the k-th number of the stream seeded by s.
     */
    long nextOwnSeed() {
        if (ownSeeds == null) {
            ownSeeds = new SplittableRandom(request.options().seed());
        }
        return ownSeeds.nextLong();
    }
}
