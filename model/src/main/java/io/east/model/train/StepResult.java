package io.east.model.train;

/**
 * What one training step did.
 *
 * @param step the optimizer's update count after this step (1 for the first)
 * @param loss mean per-example loss, unweighted
 * @param weightedLoss the optimised EAST loss, mean of weight * per-example loss
 * @param gradNorm global gradient norm before clipping
 * @param tokens non-padding tokens that went through the policy with gradients
 * @param responseTokens of those, the response tokens the loss reads
 * @param learningRate the rate this update used
 */
public record StepResult(long step, double loss, double weightedLoss, double gradNorm, int tokens, int responseTokens,
                         double learningRate) {}
