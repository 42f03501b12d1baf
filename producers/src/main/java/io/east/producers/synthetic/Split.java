package io.east.producers.synthetic;

import io.east.core.EnumIds;
import io.east.core.SpelledEnum;
import io.east.core.StableHash;

/** The two disjoint splits of the synthetic dataset. */
public enum Split implements SpelledEnum {
    TRAIN,
    TEST;

    /** One question in this many goes to the test split. */
    private static final int TEST_ONE_IN = 5;

    public static Split parse(String text) {
        return EnumIds.parse(Split.class, "split", text);
    }

    /**
     * The split a question belongs to: a fixed hash of its text, independent of the seed, so that train and test
     * share no question across every seed too. FNV-1a rather than String.hashCode: its low bits are well mixed.
     *
     * <p>Questions, not computations, are what is held out: the test asks the same arithmetic facts in sentences the
     * model never saw. A split by computation asks a ~1M-parameter model to generalise multi-digit arithmetic, which
     * it does not do in minutes on a CPU, and the demo would show nothing to improve on.
     */
    static Split of(String question) {
        return Long.remainderUnsigned(StableHash.fnv1a64(question), TEST_ONE_IN) == 0 ? TEST : TRAIN;
    }
}
