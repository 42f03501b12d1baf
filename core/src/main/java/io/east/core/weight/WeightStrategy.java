package io.east.core.weight;

import java.util.Locale;

/** Which per-question signal the weight is a power of (docs/method.md). */
public enum WeightStrategy {
    /** h(x): the entropy of the answer clusters (EAST). */
    ENTROPY,
    /** 1 - A(x): harder questions weigh more. */
    ACCURACY,
    /** R(x): how strongly the model commits to one wrong answer. */
    REJECTED,
    /** Every kept question weighs 1: vanilla self-training. */
    UNIFORM;

    public static WeightStrategy parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(
                    "strategy must be entropy, accuracy, rejected or uniform, got '" + text + "'");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public double signal(double entropy, double accuracy, double rejectedShare) {
        return switch (this) {
            case ENTROPY -> entropy;
            case ACCURACY -> 1.0 - accuracy;
            case REJECTED -> rejectedShare;
            case UNIFORM -> 1.0;
        };
    }
}
