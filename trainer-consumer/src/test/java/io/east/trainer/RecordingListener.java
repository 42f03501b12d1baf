package io.east.trainer;

import io.east.schemas.ModelVersion;
import io.east.schemas.TrainMetrics;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what a run reported, for assertions (from any thread). */
final class RecordingListener implements TrainingListener {

    final List<TrainMetrics> metrics = new CopyOnWriteArrayList<>();
    final List<ModelVersion> versions = new CopyOnWriteArrayList<>();

    @Override
    public void stepped(TrainMetrics step) {
        metrics.add(step);
    }

    @Override
    public void checkpointed(Checkpoint checkpoint, ModelVersion version) {
        versions.add(version);
    }
}
