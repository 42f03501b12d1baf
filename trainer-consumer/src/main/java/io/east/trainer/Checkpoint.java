package io.east.trainer;

import io.east.schemas.ModelVersion;
import java.nio.file.Path;

/** A complete checkpoint directory and the state it records. */
public record Checkpoint(Path directory, TrainerState state) {

    public long version() {
        return state.version();
    }

    /** The file: URI a ModelVersion points at; generators and eval read the directory through it. */
    public String uri() {
        return directory.toAbsolutePath().normalize().toUri().toString();
    }

    /** The pointer published on east.model-versions for this checkpoint. */
    public ModelVersion toModelVersion() {
        return ModelVersion.newBuilder()
                .setVersion(state.version())
                .setCheckpointUri(uri())
                .setStep(state.step())
                .setParentVersion(state.parentVersion())
                .setExamplesSeen(state.examplesSeen())
                .setLoss(state.loss())
                .setExperiment(state.experiment())
                .setCreatedAt(state.createdAt())
                .build();
    }
}
