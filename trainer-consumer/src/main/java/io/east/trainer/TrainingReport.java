package io.east.trainer;

/**
 * What one run of the trainer did.
 *
 * @param steps optimizer updates in this run
 * @param trained examples trained on in this run
 * @param heldBack examples held back as stale in this run
 * @param invalid unusable records skipped in this run (the CLI exits non-zero when there were any)
 * @param examplesSeen examples trained on since the run began, restarts included
 * @param lastCheckpoint the newest checkpoint when the run ended (may be the one it started from)
 */
public record TrainingReport(long steps, long trained, long heldBack, long invalid, long examplesSeen,
                             Checkpoint lastCheckpoint, StopReason stopReason) {

    public enum StopReason {
        /** --max-examples reached. */
        MAX_EXAMPLES,
        /** The end of a --data file. */
        END_OF_DATA,
        /** Asked to stop (SIGTERM, Ctrl-C). */
        STOPPED
    }
}
