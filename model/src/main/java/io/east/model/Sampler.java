package io.east.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.east.model.torch.NativeOps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Batched text generation with a KV cache: temperature, top-p, stop strings, a token budget, seeded.
 *
 * <p>Prompts are left-padded to a common length so every row's next token sits in the same column; pad
 * keys are masked and rotary positions start at each row's first real token, so a row's output does not
 * depend on what it is batched with (up to float rounding). Each decoding step runs in its own
 * sub-manager; only the cache outlives a step.
 *
 * <p>Sampling draws by inverting the cumulative distribution with one seeded Java uniform per row and
 * step ({@code randomMultinomial} is unsupported by this engine), so the same seed gives the same text
 * whatever else runs in the JVM.
 */
public final class Sampler {

    private final LlamaModel model;
    private final TextTokenizer tokenizer;

    public Sampler(LlamaModel model, TextTokenizer tokenizer) {
        this.model = model;
        this.tokenizer = tokenizer;
    }

    /** Continues each prompt; the result is in prompt order. */
    public List<Completion> generate(List<String> prompts, SamplerSettings params) {
        if (prompts.isEmpty()) {
            return List.of();
        }
        return Autograd.withoutGradients(() -> new Generation(prompts, params).run());
    }

    /** The state of one batched generation call. */
    private final class Generation {
        private final SamplerSettings params;
        private final int batch;
        private final int promptLength;
        private final int[] padding;
        private final long[][] tokens;        // left-padded prompt, then generated tokens
        private final boolean[][] keyValid;
        private final int[] generated;
        private final double[] logProbSum;
        private final float[][] tokenLogProbs;   // per row, the log-probability of each generated token
        private final Completion.FinishReason[] finish;
        private final String[] texts;
        private final SplittableRandom[] random;
        private final int padId;

        Generation(List<String> prompts, SamplerSettings params) {
            this.params = params;
            batch = prompts.size();
            List<long[]> encoded = new ArrayList<>();
            for (String prompt : prompts) {
                long[] ids = tokenizer.encode(prompt, true);
                if (ids.length == 0) {
                    throw new IllegalArgumentException("a prompt encodes to no tokens");
                }
                encoded.add(ids);
            }
            promptLength = encoded.stream().mapToInt(ids -> ids.length).max().orElseThrow();
            int capacity = promptLength + params.maxNewTokens();
            if (capacity > model.maxPositions()) {
                throw new IllegalArgumentException("prompt (" + promptLength + " tokens) + maxNewTokens exceeds the "
                        + model.maxPositions() + " positions of the model");
            }
            padId = Math.max(model.config().padTokenId(), 0);
            padding = new int[batch];
            tokens = new long[batch][capacity];
            keyValid = new boolean[batch][capacity];
            for (int b = 0; b < batch; b++) {
                long[] ids = encoded.get(b);
                padding[b] = promptLength - ids.length;
                Arrays.fill(tokens[b], padId);
                System.arraycopy(ids, 0, tokens[b], padding[b], ids.length);
                Arrays.fill(keyValid[b], padding[b], capacity, true);
            }
            generated = new int[batch];
            logProbSum = new double[batch];
            tokenLogProbs = new float[batch][params.maxNewTokens()];
            finish = new Completion.FinishReason[batch];
            texts = new String[batch];
            random = new SplittableRandom[batch];
            for (int b = 0; b < batch; b++) {
                random[b] = new SplittableRandom(params.seed() * 0x9E3779B97F4A7C15L + b);
            }
        }

        List<Completion> run() {
            try (NDManager generation = model.newSubManager();
                 KvCache cache = params.useKvCache() ? KvCache.forModel(model, batch, cacheCapacity(), generation) : null) {
                for (int step = 0; step < params.maxNewTokens() && !allFinished(); step++) {
                    int length = promptLength + step;
                    try (NDManager s = generation.newSubManager()) {
                        // With a cache only the new columns run through the model; without, all of them.
                        int from = cache == null ? 0 : cache.length();
                        NDArray logits = model.forwardLast(ids(s, from, length), positions(s, from, length),
                                AttentionMask.causal(s, batch, length - from, from, keyValid), cache);
                        Choice choice = choose(logits);
                        for (int b = 0; b < batch; b++) {
                            tokens[b][length] = finish[b] == null ? choice.tokens[b] : padId;
                            if (finish[b] == null) {
                                accept(b, choice.tokens[b], choice.logProbs[b]);
                            }
                        }
                    }
                }
            }
            List<Completion> out = new ArrayList<>();
            for (int b = 0; b < batch; b++) {
                String text = texts[b] != null ? texts[b] : decode(b);
                Completion.FinishReason reason = finish[b] != null ? finish[b] : Completion.FinishReason.LENGTH;
                out.add(new Completion(text, generatedTokens(b), generated[b] == 0 ? 0 : logProbSum[b] / generated[b],
                        reason));
            }
            return out;
        }

        private List<Completion.Token> generatedTokens(int b) {
            List<Completion.Token> out = new ArrayList<>(generated[b]);
            for (int i = 0; i < generated[b]; i++) {
                out.add(new Completion.Token(tokens[b][promptLength + i], tokenLogProbs[b][i]));
            }
            return out;
        }

        /** Rounded up so that calls with similar prompts reuse one allocation size (less fragmentation). */
        private int cacheCapacity() {
            int needed = promptLength + params.maxNewTokens();
            return Math.min(Math.max(needed, (needed + 63) / 64 * 64), model.maxPositions());
        }

        private boolean allFinished() {
            return Arrays.stream(finish).allMatch(f -> f != null);
        }

        private void accept(int b, long token, float logProb) {
            tokenLogProbs[b][generated[b]] = logProb;
            generated[b]++;
            logProbSum[b] += logProb;
            if (model.config().isEos(token)) {
                finish[b] = Completion.FinishReason.END_OF_SEQUENCE;
                return;
            }
            if (!params.stopStrings().isEmpty()) {
                String text = decode(b);
                int cut = -1;
                for (String stop : params.stopStrings()) {
                    int at = text.indexOf(stop);
                    if (at >= 0 && (cut < 0 || at < cut)) {
                        cut = at;
                    }
                }
                if (cut >= 0) {
                    texts[b] = text.substring(0, cut);
                    finish[b] = Completion.FinishReason.STOP_STRING;
                }
            }
        }

        /** Generated text of row b, without a final end token. */
        private String decode(int b) {
            int n = generated[b];
            if (finish[b] == Completion.FinishReason.END_OF_SEQUENCE) {
                n--;
            }
            return tokenizer.decode(Arrays.copyOfRange(tokens[b], promptLength, promptLength + n));
        }

        private NDArray ids(NDManager s, int from, int to) {
            long[] flat = new long[batch * (to - from)];
            for (int b = 0; b < batch; b++) {
                System.arraycopy(tokens[b], from, flat, b * (to - from), to - from);
            }
            return s.create(flat, new Shape(batch, to - from));
        }

        private NDArray positions(NDManager s, int from, int to) {
            long[] flat = new long[batch * (to - from)];
            for (int b = 0; b < batch; b++) {
                for (int j = from; j < to; j++) {
                    flat[b * (to - from) + j - from] = Math.max(0, j - padding[b]);
                }
            }
            return s.create(flat, new Shape(batch, to - from));
        }

        private Choice choose(NDArray computed) {
            NDArray logits = NativeOps.cast(computed, DataType.FLOAT32);
            NDArray logProbs = logits.logSoftmax(1);
            long[] chosen = params.isGreedy() ? logits.argMax(1).toLongArray() : sample(logits);
            NDArray index = logits.getManager().create(chosen, new Shape(batch, 1));
            return new Choice(chosen, logProbs.gather(index, 1).toFloatArray());
        }

        private long[] sample(NDArray logits) {
            NDArray probs = logits.div(params.temperature()).softmax(1);
            NDArray order = null;
            if (params.topP() < 1) {
                order = probs.argSort(1, false);
                probs = probs.gather(order, 1);
                probs = probs.mul(Nucleus.keep(probs, params.topP()));
            }
            NDArray cumulative = probs.cumSum(1);
            float[] uniforms = new float[batch];
            for (int b = 0; b < batch; b++) {
                uniforms[b] = (float) (((random[b].nextLong() >>> 11) + 0.5) * 0x1.0p-53);
            }
            long vocab = logits.getShape().get(1);
            NDArray total = cumulative.get(":, -1:");
            NDArray threshold = logits.getManager().create(uniforms, new Shape(batch, 1)).mul(total);
            // The first index whose cumulative probability reaches the threshold = how many stay below it.
            NDArray index = cumulative.lt(threshold).toType(DataType.INT64, false).sum(new int[] {1}, true)
                    .clip(0, vocab - 1);
            return (order == null ? index : order.gather(index, 1)).toLongArray();
        }
    }

    private record Choice(long[] tokens, float[] logProbs) {}

    /** The nucleus rule, shared with its test. */
    static final class Nucleus {
        private Nucleus() {}

        /**
         * For probabilities sorted in descending order, 1 for the smallest prefix whose mass reaches
         * {@code topP} and 0 after it: a token stays while the mass before it is still below topP.
         */
        static NDArray keep(NDArray sortedProbs, double topP) {
            NDArray before = sortedProbs.cumSum(1).sub(sortedProbs);
            return before.lt(topP).toType(DataType.FLOAT32, false);
        }
    }
}
