package io.east.trainer;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a checkpoint records about the run that made it (its east-state.json, see {@link TrainerStateFile}).
 *
 * @param version this checkpoint's model version; the init checkpoint is version 0 unless it carries a state
 * @param parentVersion the version it was trained from; null for an init checkpoint
 * @param step optimizer updates since the run began (continues across restarts)
 * @param examplesSeen examples trained on so far (held-back and invalid records not included)
 * @param heldBack examples held back as too stale so far
 * @param invalid records skipped as unusable so far (undecodable, malformed, missing rejected)
 * @param loss sft, dpo or kto
 * @param lastLoss unweighted loss of the last step before this checkpoint; null before any step
 * @param experiment null for the main run
 * @param source where the examples came from: {@code kafka:TOPIC} or {@code file:NAME}
 * @param offsets per stream key, where reading resumes: after the last example of the last trained step, never
 *     past one that was consumed but not trained (see {@link ConsumedOffsets})
 * @param init the --init checkpoint the run started from (the DPO/KTO reference model)
 */
public record TrainerState(long version, Long parentVersion, long step, long examplesSeen, long heldBack,
                           long invalid, String loss, Double lastLoss, String experiment, String source,
                           Map<String, Long> offsets, String init, Instant createdAt) {

    public TrainerState {
        if (version < 0 || step < 0 || examplesSeen < 0 || heldBack < 0 || invalid < 0) {
            throw new IllegalArgumentException("version, step and counts must not be negative");
        }
        if (loss == null || loss.isEmpty()) {
            throw new IllegalArgumentException("the state needs its loss type");
        }
        offsets = java.util.Collections.unmodifiableMap(new TreeMap<>(offsets));
    }

    /** The state of an init checkpoint that has none: version 0, nothing trained, nothing consumed. */
    public static TrainerState initial(String loss, String experiment, String init) {
        return new TrainerState(0, null, 0, 0, 0, 0, loss, null, experiment, null, Map.of(), init, Instant.EPOCH);
    }
}
