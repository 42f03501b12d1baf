package io.east.trainer;

import io.east.schemas.ModelVersion;
import io.east.schemas.TrainMetrics;

/** Told what the training loop did: one call per step, one per checkpoint, on the loop's thread. */
public interface TrainingListener {

    TrainingListener NONE = new TrainingListener() {
    };

    default void stepped(TrainMetrics metrics) {
    }

    /** After the checkpoint is durable under its final name. A failure here stops the run. */
    default void checkpointed(Checkpoint checkpoint, ModelVersion version) {
    }

    static TrainingListener both(TrainingListener first, TrainingListener second) {
        return new TrainingListener() {
            @Override
            public void stepped(TrainMetrics metrics) {
                first.stepped(metrics);
                second.stepped(metrics);
            }

            @Override
            public void checkpointed(Checkpoint checkpoint, ModelVersion version) {
                first.checkpointed(checkpoint, version);
                second.checkpointed(checkpoint, version);
            }
        };
    }
}
