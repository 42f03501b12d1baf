package io.east.producers.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns prompts into sampled responses. Implementations: {@code openai.OpenAiBackend} (any OpenAI-compatible
 * server) and {@code djl.DjlBackend} (the policy itself, through the model module).
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #sample} returns exactly {@code n} generations or throws {@link GenerationException}; a backend that
 *       gets fewer from its engine asks again for the rest. The worker treats a short list as a failure of the
 *       task, never as a partial sample set.</li>
 *   <li>{@link #sampleAll} is what the worker calls, once per polled batch, from a single thread, never while a
 *       previous call runs: when it starts, no request of the worker is in flight, which makes it the batch boundary
 *       where a backend may change the policy it samples with (DJL's hot reload, weight sync). Override it to
 *       batch or parallelise across tasks (the default samples one request after the other). One request's failure
 *       must not fail the others: it becomes a {@link GenerationOutcome.Failed} in its slot.</li>
 *   <li>Both honour thread interruption (the worker interrupts on shutdown) by throwing
 *       {@link InterruptedException}.</li>
 *   <li>Every {@link Generation} carries the policy version that produced it; {@link #policyVersion()} is the
 *       version the next call will use, for logs.</li>
 * </ul>
 */
public interface GenerationBackend extends AutoCloseable {

    /** Exactly {@code n} responses to {@code prompt}, or an exception saying why not. */
    List<Generation> sample(String prompt, int n, SamplingParams params)
            throws GenerationException, InterruptedException;

    /** One outcome per request, in request order. */
    default List<GenerationOutcome> sampleAll(List<GenerationRequest> requests, SamplingParams params)
            throws InterruptedException {
        List<GenerationOutcome> outcomes = new ArrayList<>(requests.size());
        for (GenerationRequest request : requests) {
            try {
                outcomes.add(GenerationOutcome.of(sample(request.prompt(), request.n(), params)));
            } catch (GenerationException e) {
                outcomes.add(GenerationOutcome.failed(e));
            }
        }
        return outcomes;
    }

    /** The model version new calls will use (0 = base or unknown). */
    long policyVersion();

    /** What the samples' {@code generator} field says, e.g. {@code openai:MODEL} or {@code djl}. */
    String generatorId();

    /** Releases threads, connections or native memory; the default holds none. */
    @Override
    default void close() {
    }
}
