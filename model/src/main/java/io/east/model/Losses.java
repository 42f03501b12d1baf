package io.east.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import io.east.model.torch.NativeOps;

/**
 * Per-example losses on response tokens, and the EAST weighting (docs/method.md): the batch loss is the mean
 * over examples of {@code w_i * L_i}. Weights are applied per example, never to a token-averaged batch
 * loss (the reference code's defect).
 *
 * <p>Shapes: B examples, T tokens per (right-padded) sequence, V vocabulary. A response mask [B, T-1] is 1
 * where the target token (the token at t+1) belongs to the response.
 */
public final class Losses {

    private Losses() {}

    /** log p(x_{t+1} | x_{..t}) for every position, in fp32 whatever the logits' precision: [B, T-1]. */
    public static NDArray tokenLogProbs(NDArray logits, NDArray inputIds) {
        NDArray targets = inputIds.get(":, 1:").expandDims(-1);
        return NativeOps.cast(logits.get(":, :-1, :"), DataType.FLOAT32).logSoftmax(-1).gather(targets, 2).squeeze(-1);
    }

    /** Sum of response-token log-probabilities: [B] (the sequence log-likelihood DPO and KTO compare). */
    public static NDArray sequenceLogProbs(NDArray tokenLogProbs, NDArray responseMask) {
        return tokenLogProbs.mul(responseMask).sum(new int[] {1});
    }

    /** SFT: mean token negative log-likelihood of each response: [B]. */
    public static NDArray sft(NDArray tokenLogProbs, NDArray responseMask) {
        NDArray count = responseMask.sum(new int[] {1}).maximum(1f);
        return sequenceLogProbs(tokenLogProbs, responseMask).neg().div(count);
    }

    /**
     * DPO with the sigmoid loss: {@code -log sigmoid(beta * ((pi_c - ref_c) - (pi_r - ref_r)))} per example,
     * [B]. Equals ln 2 when the policy equals the reference.
     */
    public static NDArray dpo(NDArray policyChosen, NDArray policyRejected, NDArray referenceChosen,
                              NDArray referenceRejected, double beta) {
        NDArray margin = policyChosen.sub(referenceChosen).sub(policyRejected.sub(referenceRejected));
        return softplus(times(margin, -beta));
    }

    /**
     * KTO (Ethayarajh et al. 2024) for paired data: the chosen response is desirable, the rejected one
     * undesirable. Per example, [B]: the mean of {@code lambdaD * (1 - sigmoid(beta * (r_c - z0)))} and
     * {@code lambdaU * (1 - sigmoid(beta * (z0 - r_r)))}, with r = log(pi / ref) of the response and z0 the
     * reference point from {@link #ktoReferencePoint}.
     */
    public static NDArray kto(NDArray policyChosen, NDArray policyRejected, NDArray referenceChosen,
                              NDArray referenceRejected, NDArray referencePoint, double beta,
                              double desirableWeight, double undesirableWeight) {
        NDArray chosenReward = policyChosen.sub(referenceChosen).sub(referencePoint);
        NDArray rejectedReward = referencePoint.sub(policyRejected.sub(referenceRejected));
        NDArray desirable = times(Activation.sigmoid(times(chosenReward, beta)).neg().add(1), desirableWeight);
        NDArray undesirable = times(Activation.sigmoid(times(rejectedReward, beta)).neg().add(1), undesirableWeight);
        return times(desirable.add(undesirable), 0.5);
    }

    /** KTO with desirable examples only (no rejected response): [B]. */
    public static NDArray ktoDesirableOnly(NDArray policyChosen, NDArray referenceChosen, NDArray referencePoint,
                                           double beta, double desirableWeight) {
        NDArray chosenReward = policyChosen.sub(referenceChosen).sub(referencePoint);
        return times(Activation.sigmoid(times(chosenReward, beta)).neg().add(1), desirableWeight);
    }

    /**
     * The KTO reference point z0: the batch estimate of KL(pi || ref), {@code max(0, mean(log pi(y'|x) -
     * log ref(y'|x)))} over mismatched pairs (a prompt with another example's response), with no gradient,
     * as in the KTO paper and TRL. A scalar.
     */
    public static NDArray ktoReferencePoint(NDArray policyMismatched, NDArray referenceMismatched) {
        return policyMismatched.sub(referenceMismatched).mean().maximum(0f).stopGradient();
    }

    /** The EAST batch loss: mean over examples of {@code weights[i] * perExample[i]}. */
    public static NDArray weightedMean(NDArray perExample, NDArray weights) {
        return perExample.mul(weights).mean();
    }

    /**
     * {@code x * factor}, with the factor as a tensor on x's manager, which lives until the step's backward pass.
     * DJL's {@code mul(Number)} wraps the number in a tensor over a Java buffer and closes it at once, while autograd
     * keeps that tensor to compute x's gradient: once the buffer is collected and its memory reused, backward reads
     * another value (0, in a test that forces it) and the gradient is silently wrong.
     */
    static NDArray times(NDArray x, double factor) {
        return x.mul(x.getManager().create((float) factor));
    }

    /**
     * log(1 + e^x), libtorch's stable softplus. Not the textbook max(x, 0) + log(1 + e^-|x|): autograd
     * differentiates relu and abs as 0 at x = 0, so that form has gradient 0 instead of 1/2 there, and
     * DPO, which starts exactly at margin 0 (policy = reference), would never move.
     */
    static NDArray softplus(NDArray x) {
        return Activation.softPlus(x);
    }
}
