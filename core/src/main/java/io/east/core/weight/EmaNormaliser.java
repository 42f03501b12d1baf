package io.east.core.weight;

/**
 * The state of the {@code ema:BETA} scope: an exponential moving average of s^a, updated with each new power before
 * dividing by it (so the first weight is exactly 1). Immutable, so a state store can hold it.
 *
 * @param mean  the running mean; meaningless while count is 0
 * @param count how many powers have been seen
 */
public record EmaNormaliser(double mean, long count) {

    public static final EmaNormaliser EMPTY = new EmaNormaliser(0.0, 0);

    public EmaNormaliser update(double power, double beta) {
        double next = count == 0 ? power : beta * mean + (1.0 - beta) * power;
        return new EmaNormaliser(next, count + 1);
    }

    public double weight(double power) {
        return mean == 0.0 ? 1.0 : power / mean;
    }
}
