package io.east.producers.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A backend whose batches wait until the test opens the gate; answers "\boxed{6}" to everything. */
final class GatedBackend implements GenerationBackend {

    private final Semaphore gate = new Semaphore(0);
    private final AtomicInteger batches = new AtomicInteger();
    private volatile CountDownLatch waiting = new CountDownLatch(1);

    @Override
    public List<Generation> sample(String prompt, int n, SamplingParams params) {
        List<Generation> generations = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            generations.add(new Generation("so \\boxed{6}", 3, -0.5, 1));
        }
        return generations;
    }

    @Override
    public List<GenerationOutcome> sampleAll(List<GenerationRequest> requests, SamplingParams params)
            throws InterruptedException {
        batches.incrementAndGet();
        waiting.countDown();
        gate.acquire();
        return GenerationBackend.super.sampleAll(requests, params);
    }

    /** Blocks until a batch is waiting at the gate. */
    void awaitBatchWaiting() throws InterruptedException {
        if (!waiting.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("no batch reached the backend within 30 s");
        }
        waiting = new CountDownLatch(1);
    }

    void open() {
        gate.release();
    }

    int batches() {
        return batches.get();
    }

    @Override
    public long policyVersion() {
        return 1;
    }

    @Override
    public String generatorId() {
        return "gated";
    }
}
