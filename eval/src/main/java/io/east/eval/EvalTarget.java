package io.east.eval;

import java.util.Objects;

/**
 * What was evaluated, on what: the fields of an EvalResult that do not come from the evaluation itself.
 *
 * @param experiment null for the main run
 */
public record EvalTarget(long modelVersion, String checkpointUri, String dataset, String split, String experiment) {

    public EvalTarget {
        if (modelVersion < 0) {
            throw new IllegalArgumentException("model version must be >= 0, got " + modelVersion);
        }
        Objects.requireNonNull(checkpointUri, "checkpointUri");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(split, "split");
    }
}
