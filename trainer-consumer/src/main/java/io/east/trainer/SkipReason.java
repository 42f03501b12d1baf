package io.east.trainer;

import java.util.Locale;

/** Why a consumed record was not trained on. Every skip is counted and recorded in the next checkpoint. */
public enum SkipReason {
    /** Its policy_version lags the newest model version by more than --max-staleness (docs/method.md). */
    STALE,
    /** Undecodable bytes, a malformed line, or a field the trainer cannot use (e.g. a negative weight). */
    INVALID,
    /** DPO and KTO train on pairs, and the example has no rejected response. */
    MISSING_REJECTED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
