package io.east.core.group;

/** Why a question task produced no training example. The codes appear on east.groups and in the batch output. */
public enum DiscardReason {
    /** No response is correct: nothing to learn from. */
    NO_CORRECT("no_correct"),
    /** Every response is correct: entropy 0, and DPO has no negative. */
    ALL_CORRECT("all_correct"),
    /** Reference rule: more predictions equal the gold string than the grader marked correct. */
    GRADER_MISMATCH("grader_mismatch"),
    /** Reference rule: no correct response holds a boxed answer. */
    NO_BOXED_CORRECT("no_boxed_correct"),
    /** Reference rule: no wrong response holds a boxed answer. */
    NO_BOXED_REJECTED("no_boxed_rejected"),
    /** Streaming only: the group timed out with fewer than the minimum number of samples. */
    INCOMPLETE("incomplete");

    private final String code;

    DiscardReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
