package io.east.model.train;

/**
 * Linear warm-up from 0 to {@code peak} over {@code warmupSteps} updates, then either constant (the
 * natural choice for continuous, never-ending training) or a cosine decay to {@code minimum} at
 * {@code totalSteps}, constant after it.
 */
public record LearningRateSchedule(double peak, int warmupSteps, Decay decay, long totalSteps, double minimum) {

    public enum Decay { CONSTANT, COSINE }

    public LearningRateSchedule {
        if (peak < 0 || warmupSteps < 0 || minimum < 0) {
            throw new IllegalArgumentException("learning rates and warm-up must not be negative");
        }
        if (decay == Decay.COSINE && totalSteps <= warmupSteps) {
            throw new IllegalArgumentException("cosine decay needs totalSteps > warmupSteps");
        }
    }

    public static LearningRateSchedule constant(double peak, int warmupSteps) {
        return new LearningRateSchedule(peak, warmupSteps, Decay.CONSTANT, 0, peak);
    }

    public static LearningRateSchedule cosine(double peak, int warmupSteps, long totalSteps, double minimum) {
        return new LearningRateSchedule(peak, warmupSteps, Decay.COSINE, totalSteps, minimum);
    }

    /**
     * The rate of update number {@code n} (1-based). The first update already gets peak / warmupSteps,
     * not 0 as in transformers' schedulers, so no step is wasted.
     */
    public double at(long n) {
        if (n <= warmupSteps) {
            return peak * n / Math.max(1, warmupSteps);
        }
        if (decay == Decay.CONSTANT) {
            return peak;
        }
        double progress = Math.min(1.0, (double) (n - warmupSteps) / (totalSteps - warmupSteps));
        return minimum + (peak - minimum) * 0.5 * (1 + Math.cos(Math.PI * progress));
    }
}
