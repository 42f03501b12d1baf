package io.east.core.weight;

import java.util.Objects;

/**
 * The unnormalised weight s^a of a question whose strategy signal is s. The scope then divides it by a normaliser.
 *
 * <p>Conventions where the power is undefined: a = 0 gives 1 for every signal (0^0 = 1, so vanilla weights are 1
 * everywhere), and a zero signal with a != 0 gives 0. For a < 0 that is a choice, not the limit (which is infinite):
 * a question the strategy sees no signal in gets no weight rather than all of it. Under the default keep rules a
 * kept question has a positive entropy and a positive 1 - A, so only R can be 0.
 */
public record WeightFunction(WeightStrategy strategy, double alpha) {

    public WeightFunction {
        Objects.requireNonNull(strategy, "strategy");
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha must be a finite number, got " + alpha);
        }
    }

    public double power(double signal) {
        if (!Double.isFinite(signal) || signal < 0) {
            throw new IllegalArgumentException("signal must be a finite number >= 0, got " + signal);
        }
        if (alpha == 0.0 || strategy == WeightStrategy.UNIFORM) {
            return 1.0;
        }
        return signal == 0.0 ? 0.0 : Math.pow(signal, alpha);
    }

    public double power(double entropy, double accuracy, double rejectedShare) {
        return power(signal(entropy, accuracy, rejectedShare));
    }

    public double signal(double entropy, double accuracy, double rejectedShare) {
        return strategy.signal(entropy, accuracy, rejectedShare);
    }
}
