package io.east.core.weight;

/**
 * A weight and where it came from.
 *
 * @param weight     s^a divided by the normaliser
 * @param scopeId    the normalisation unit, e.g. {@code window-3}, {@code dataset}, {@code ema}, {@code fixed}
 * @param normaliser what s^a was divided by
 */
public record NormalisedWeight(double weight, String scopeId, double normaliser) {
}
