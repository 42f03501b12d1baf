package io.east.core.weight;

import io.east.core.EnumIds;
import io.east.core.SpelledEnum;

/** Which per-question signal the weight is a power of (docs/method.md). */
public enum WeightStrategy implements SpelledEnum {
    /** h(x): the entropy of the answer clusters (EAST). */
    ENTROPY,
    /** 1 - A(x): harder questions weigh more. */
    ACCURACY,
    /** R(x): how strongly the model commits to one wrong answer. */
    REJECTED,
    /** Every kept question weighs 1: vanilla self-training. */
    UNIFORM;

    public static WeightStrategy parse(String text) {
        return EnumIds.parse(WeightStrategy.class, "strategy", text);
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
