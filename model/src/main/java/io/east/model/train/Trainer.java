package io.east.model.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.east.model.Autograd;
import io.east.model.Checkpoints;
import io.east.model.LlamaModel;
import io.east.model.Losses;
import io.east.model.Precision;
import io.east.model.TextTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One weighted SFT / DPO / KTO update at a time: tokenise, forward, per-example loss, weight, backward,
 * clip, AdamW. Everything a step creates lives on a sub-manager closed when the step returns.
 *
 * <p>DPO and KTO compare against a frozen reference, the initial policy (docs/method.md). Pass it explicitly
 * when resuming from a checkpoint (load the base checkpoint again); when null, the trainer freezes a copy
 * of the policy as it is now. Only one trainer may step at a time per JVM: the PyTorch engine allows a
 * single open GradientCollector.
 */
public final class Trainer implements AutoCloseable {

    private final LlamaModel policy;
    private final LlamaModel reference;
    private final boolean ownsReference;
    private final TextTokenizer tokenizer;
    private final TrainerSettings settings;
    private final AdamW optimizer;
    private final long eosId;
    private final long padId;

    public Trainer(LlamaModel policy, LlamaModel reference, TextTokenizer tokenizer, TrainerSettings settings) {
        this.policy = policy;
        this.tokenizer = tokenizer;
        this.settings = settings;
        if (settings.maxSequenceLength() > policy.maxPositions()) {
            throw new IllegalArgumentException("maxSequenceLength exceeds the model's " + policy.maxPositions() + " positions");
        }
        if (reference == policy) {
            throw new IllegalArgumentException("the reference must be a separate, frozen model (see LlamaModel.copy)");
        }
        boolean needsReference = settings.loss() != LossKind.SFT;
        this.ownsReference = needsReference && reference == null;
        this.reference = ownsReference ? policy.copy() : reference;
        if (this.reference != null) {
            this.reference.setTrainable(false);
        }
        policy.setTrainable(true);
        this.optimizer = new AdamW(policy.parameters(), settings.optimizer(), policy.newSubManager());
        List<Integer> eos = policy.config().eosTokenIds();
        if (eos.isEmpty()) {
            throw new IllegalArgumentException("the model config names no eos_token_id");
        }
        this.eosId = eos.get(0);
        this.padId = Math.max(0, policy.config().padTokenId());
    }

    public AdamW optimizer() {
        return optimizer;
    }

    public LlamaModel policy() {
        return policy;
    }

    /** One update on {@code batch}. */
    public StepResult step(List<TrainingExample> batch) {
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("empty batch");
        }
        double learningRate = settings.schedule().at(optimizer.stepCount() + 1);
        try (NDManager step = policy.newSubManager()) {
            optimizer.clearGradients();
            float[] w = new float[batch.size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) batch.get(i).weight();
            }
            NDArray weights = step.create(w);
            Objective objective;
            switch (settings.loss()) {
                case SFT:
                    objective = sft(batch, weights, step);
                    break;
                case DPO:
                    objective = dpo(batch, weights, step);
                    break;
                case KTO:
                    objective = kto(batch, weights, step);
                    break;
                default:
                    throw new IllegalStateException(settings.loss().toString());
            }
            double gradNorm = optimizer.step(learningRate);
            return new StepResult(optimizer.stepCount(), objective.loss, objective.weightedLoss, gradNorm,
                    objective.tokens, objective.responseTokens, objective.positions, learningRate);
        }
    }

    private record Objective(double loss, double weightedLoss, int tokens, int responseTokens, int positions) {}

    private Objective sft(List<TrainingExample> batch, NDArray weights, NDManager step) {
        TokenizedBatch tokens = tokenize(prompts(batch), map(batch, TrainingExample::chosen));
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray ids = tokens.inputIds(step);
            NDArray perExample = Losses.sft(Losses.tokenLogProbs(forward(policy, tokens, ids, step), ids),
                    tokens.responseMask(step));
            return backward(collector, perExample, weights, tokens);
        }
    }

    private Objective dpo(List<TrainingExample> batch, NDArray weights, NDManager step) {
        int n = batch.size();
        // Chosen and rejected go through the model as one batch of 2n sequences.
        TokenizedBatch tokens = tokenize(twice(prompts(batch)), concat(map(batch, TrainingExample::chosen),
                map(batch, e -> require(e.rejected(), "DPO needs a rejected response"))));
        NDArray ids = tokens.inputIds(step);
        NDArray mask = tokens.responseMask(step);
        NDArray referenceLogProbs = Autograd.withoutGradients(() -> logProbs(reference, tokens, ids, mask, step));
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray policyLogProbs = logProbs(policy, tokens, ids, mask, step);
            NDArray perExample = Losses.dpo(policyLogProbs.get("0:{}", n), policyLogProbs.get("{}:", n),
                    referenceLogProbs.get("0:{}", n), referenceLogProbs.get("{}:", n), settings.beta());
            return backward(collector, perExample, weights, tokens);
        }
    }

    private Objective kto(List<TrainingExample> batch, NDArray weights, NDManager step) {
        int n = batch.size();
        boolean paired = batch.stream().allMatch(e -> e.rejected() != null);
        if (!paired && batch.stream().anyMatch(e -> e.rejected() != null)) {
            throw new IllegalArgumentException("a KTO batch is either all paired or all desirable-only");
        }
        List<String> prompts = prompts(batch);
        List<String> chosen = map(batch, TrainingExample::chosen);
        // Reference point: prompt i with the response of example i+1, the KTO paper's mismatched pairs
        // (with a batch of one the pair is the example itself).
        List<String> shifted = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            shifted.add(chosen.get((i + 1) % n));
        }
        TokenizedBatch mismatched = tokenize(prompts, shifted);
        NDArray referencePoint = Autograd.withoutGradients(() -> {
            NDArray ids = mismatched.inputIds(step);
            NDArray mask = mismatched.responseMask(step);
            return Losses.ktoReferencePoint(logProbs(policy, mismatched, ids, mask, step),
                    logProbs(reference, mismatched, ids, mask, step));
        });
        TokenizedBatch tokens = paired
                ? tokenize(twice(prompts), concat(chosen, map(batch, TrainingExample::rejected)))
                : tokenize(prompts, chosen);
        NDArray ids = tokens.inputIds(step);
        NDArray mask = tokens.responseMask(step);
        NDArray referenceLogProbs = Autograd.withoutGradients(() -> logProbs(reference, tokens, ids, mask, step));
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray policyLogProbs = logProbs(policy, tokens, ids, mask, step);
            NDArray perExample = paired
                    ? Losses.kto(policyLogProbs.get("0:{}", n), policyLogProbs.get("{}:", n),
                            referenceLogProbs.get("0:{}", n), referenceLogProbs.get("{}:", n), referencePoint,
                            settings.beta(), settings.desirableWeight(), settings.undesirableWeight())
                    : Losses.ktoDesirableOnly(policyLogProbs, referenceLogProbs, referencePoint, settings.beta(),
                            settings.desirableWeight());
            return backward(collector, perExample, weights, tokens);
        }
    }

    private Objective backward(GradientCollector collector, NDArray perExample, NDArray weights, TokenizedBatch tokens) {
        NDArray weighted = Losses.weightedMean(perExample, weights);
        collector.backward(weighted);
        // One read from the device for both figures.
        float[] losses = NDArrays.stack(new NDList(perExample.mean(), weighted)).toFloatArray();
        return new Objective(losses[0], losses[1], tokens.tokenCount(), tokens.responseTokenCount(),
                tokens.size() * tokens.width());
    }

    /** Each sequence's summed response-token log-probability under {@code model}: [B]. */
    private static NDArray logProbs(LlamaModel model, TokenizedBatch tokens, NDArray ids, NDArray mask,
            NDManager step) {
        return Losses.sequenceLogProbs(Losses.tokenLogProbs(forward(model, tokens, ids, step), ids), mask);
    }

    private static NDArray forward(LlamaModel model, TokenizedBatch tokens, NDArray ids, NDManager step) {
        // Right padding: plain causal attention keeps real tokens from seeing the padding after them.
        return model.forward(ids, tokens.positionIds(step), null, null);
    }

    private TokenizedBatch tokenize(List<String> prompts, List<String> responses) {
        return TokenizedBatch.of(tokenizer, prompts, responses, eosId, padId, settings.maxSequenceLength());
    }

    /**
     * Atomically writes the policy (as {@link TrainerSettings#checkpointPrecision}), the tokenizer, {@value
     * AdamW#FILE} and whatever {@code extra} adds (the consumer's east-state.json) as one checkpoint directory.
     */
    public void save(Path target, Checkpoints.DirectoryWriter extra) throws IOException {
        Precision file = settings.checkpointPrecision();
        Checkpoints.save(target, policy, tokenizer, file, dir -> {
            optimizer.save(dir.resolve(AdamW.FILE), file != Precision.FP32);
            if (extra != null) {
                extra.write(dir);
            }
        });
    }

    /** Restores the optimizer state saved in a checkpoint directory, if it has one; true when it did. */
    public boolean restoreOptimizer(Path checkpoint) throws IOException {
        Path file = checkpoint.resolve(AdamW.FILE);
        if (!Files.exists(file)) {
            return false;
        }
        optimizer.load(file);
        return true;
    }

    private static List<String> prompts(List<TrainingExample> batch) {
        return map(batch, TrainingExample::prompt);
    }

    private static List<String> map(List<TrainingExample> batch, java.util.function.Function<TrainingExample, String> f) {
        List<String> out = new ArrayList<>(batch.size());
        batch.forEach(e -> out.add(f.apply(e)));
        return out;
    }

    private static List<String> twice(List<String> list) {
        return concat(list, list);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static String require(String value, String message) {
        if (value == null) {
            throw new IllegalArgumentException(message);
        }
        return value;
    }

    @Override
    public void close() {
        optimizer.close();
        if (ownsReference) {
            reference.close();
        }
    }
}
