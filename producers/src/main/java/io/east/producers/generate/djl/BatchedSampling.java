package io.east.producers.generate.djl;

import io.east.model.Completion;
import io.east.model.Sampler;
import io.east.producers.generate.Generation;
import io.east.producers.generate.GenerationOutcome;
import io.east.producers.generate.GenerationRequest;
import io.east.producers.generate.SamplingParams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples every copy of every request of one batch with one policy: the n copies of each request become n rows, and
 * the rows go through the KV-cache Sampler in calls of at most {@code batchRows} rows.
 *
 * <p>Rows are ordered by prompt length before they are cut into calls, so a call pads little and the copies of a
 * request sit together. A call's token budget is {@code maxNewTokens}, lowered where its longest prompt would
 * otherwise run past the model's positions; a prompt that leaves no room at all fails its request alone. A call the
 * engine fails fails the requests with rows in it and no others.
 */
final class BatchedSampling {

    private static final Logger LOG = LoggerFactory.getLogger(BatchedSampling.class);

    private record Row(int request, int copy, String prompt, int promptTokens) {
    }

    private BatchedSampling() {
    }

    /**
     * @param chunkSeed the Sampler seed of the k-th call of this batch
     * @return one outcome per request, in request order; a request's generations in copy order
     */
    static List<GenerationOutcome> run(LoadedPolicy policy, List<GenerationRequest> requests, SamplingParams params,
            int batchRows, IntToLongFunction chunkSeed) throws InterruptedException {
        int positions = policy.model().maxPositions();
        String[] failures = new String[requests.size()];
        Generation[][] generations = new Generation[requests.size()][];
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            GenerationRequest request = requests.get(i);
            generations[i] = new Generation[request.n()];
            int tokens = policy.tokenizer().encode(request.prompt(), true).length;
            if (tokens == 0) {
                failures[i] = "the prompt encodes to no tokens";
            } else if (tokens >= positions) {
                failures[i] = "the prompt has " + tokens + " tokens and the model only " + positions
                        + " positions: no room to generate";
            } else {
                for (int copy = 0; copy < request.n(); copy++) {
                    rows.add(new Row(i, copy, request.prompt(), tokens));
                }
            }
        }
        // A stable sort: equal lengths keep request order, so the rows of a request stay together.
        rows.sort(Comparator.comparingInt(Row::promptTokens));
        Sampler sampler = new Sampler(policy.model(), policy.tokenizer());
        int chunk = 0;
        for (int from = 0; from < rows.size(); from += batchRows, chunk++) {
            if (Thread.interrupted()) {
                throw new InterruptedException("sampling interrupted");
            }
            List<Row> part = rows.subList(from, Math.min(rows.size(), from + batchRows));
            int longest = part.get(part.size() - 1).promptTokens();
            int maxNewTokens = Math.min(params.maxNewTokens(), positions - longest);
            io.east.model.SamplerSettings callParams = new io.east.model.SamplerSettings(params.temperature(),
                    params.topP(), maxNewTokens, params.stop(), chunkSeed.applyAsLong(chunk), true);
            long start = System.nanoTime();
            List<Completion> completions;
            try {
                completions = sampler.generate(part.stream().map(Row::prompt).toList(), callParams);
            } catch (RuntimeException e) {
                LOG.atWarn().addKeyValue("rows", part.size()).addKeyValue("error", e.toString())
                        .log("a sampling call failed; its requests fail");
                part.forEach(row -> failures[row.request()] = "sampling failed: " + e.getMessage());
                continue;
            }
            for (int k = 0; k < part.size(); k++) {
                Row row = part.get(k);
                generations[row.request()][row.copy()] = generation(completions.get(k), policy.version());
            }
            LOG.atDebug().addKeyValue("rows", part.size()).addKeyValue("prompt_tokens", longest)
                    .addKeyValue("max_new_tokens", maxNewTokens)
                    .addKeyValue("ms", (System.nanoTime() - start) / 1_000_000).log("sampling call done");
        }
        List<GenerationOutcome> outcomes = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            outcomes.add(failures[i] != null ? new GenerationOutcome.Failed(failures[i])
                    : new GenerationOutcome.Generated(Arrays.asList(generations[i])));
        }
        return outcomes;
    }

    private static Generation generation(Completion completion, long policyVersion) {
        double logProb = completion.meanLogProb();
        return new Generation(completion.text(), completion.tokenCount(), Double.isFinite(logProb) ? logProb : null,
                policyVersion);
    }
}
