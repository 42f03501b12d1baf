package io.east.core.group;

import java.util.Locale;

/** Why a question task produced no training example. The codes appear on east.groups and in the batch output. */
public enum DiscardReason {
    /** No response is correct: nothing to learn from. */
    NO_CORRECT,
    /** Every response is correct: entropy 0, and DPO has no negative. */
    ALL_CORRECT,
    /** Reference rule: more predictions equal the gold string than the grader marked correct. */
    GRADER_MISMATCH,
    /** Reference rule: no correct response holds a boxed answer. */
    NO_BOXED_CORRECT,
    /** Reference rule: no wrong response holds a boxed answer. */
    NO_BOXED_REJECTED,
    /** Streaming only: the group timed out with fewer than the minimum number of samples. */
    INCOMPLETE;

    /** The constant's name in lower case, as records and reports spell it. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
