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
 * @param positions sequence positions the policy computed with gradients: rows times the padded width, so padding
 *                  included; what a step's compute scales with
 * @param learningRate the rate this update used
 */
public record StepResult(long step, double loss, double weightedLoss, double gradNorm, int tokens, int responseTokens,
                         int positions, double learningRate) {}
