package io.east.core.group;

import io.east.core.EnumIds;
import io.east.core.SpelledEnum;

/** How the n answers of a question are grouped into clusters before the entropy is taken. */
public enum Clustering implements SpelledEnum {
    /**
     * Answers are one cluster when their recorded strings are equal. Producers record normalised answers, and the
     * Qwen evaluation pipeline records its own normalised predictions, so this is the reference code's rule.
     */
    EXACT,
    /** Answers are one cluster when the grader finds them equivalent ("0.5" and "1/2" are one answer). */
    EQUIVALENT;

    public static Clustering parse(String text) {
        return EnumIds.parse(Clustering.class, "clustering", text);
    }
}
