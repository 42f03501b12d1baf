package io.east.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.east.metrics.ProcessMetrics;
import io.east.model.train.LossKind;
import io.east.schemas.WeightedExample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code east train --metrics-port} publishes about a run. */
class TrainingMetersTest {

    @TempDir
    Path dir;

    @Test
    void beforeAnyStepTheGaugesAreNotANumberNotZero() {
        try (ProcessMetrics metrics = ProcessMetrics.create("train")) {
            TrainingMeters.bind(metrics);
            assertThat(metrics.scrape())
                    .contains("east_train_loss{component=\"train\"} NaN")
                    .contains("east_train_steps_total{component=\"train\"} 0.0")
                    .contains("east_train_model_version{component=\"train\"} -1.0");
        }
    }

    @Test
    void aScrapeAfterARunShowsItsStepsCheckpointsAndLastStep() throws IOException {
        Path init = TestExamples.writeInit(dir.resolve("init"));
        List<WeightedExample> data = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            data.add(WeightedExample.newBuilder(TestExamples.example("m-" + i, 1, 0)).setPrompt("abc")
                    .setChosen("abcabc").setWeight(i % 2 == 0 ? 0.5 : 1.5).build());
        }
        Path file = TestExamples.writeJsonl(dir.resolve("data.jsonl"), data);
        TrainerAppSettings settings = TrainerAppSettings.builder(LossKind.SFT, init, dir.resolve("checkpoints")).dataFile(file)
                .batchSize(4).learningRate(1e-2).warmupSteps(0).checkpointEvery(2).build();
        RecordingListener seen = new RecordingListener();

        try (ProcessMetrics metrics = ProcessMetrics.create("train")) {
            TrainingMeters meters = TrainingMeters.bind(metrics);
            try (TrainerApp app = TrainerApp.open(settings, Map.of(), TrainingListener.both(meters, seen))) {
                app.run();
            }

            String scrape = metrics.scrape();
            assertThat(scrape)
                    .contains("east_train_steps_total{component=\"train\"} 3.0")
                    .contains("east_train_checkpoints_total{component=\"train\"} 2.0")
                    .contains("east_train_model_version{component=\"train\"} 2.0")
                    .contains("east_train_examples_seen{component=\"train\"} 12.0")
                    .contains("east_train_mean_weight{component=\"train\"} 1.0")
                    .contains("east_train_learning_rate{component=\"train\"} 0.01")
                    .contains("jvm_memory_used_bytes{");
            assertThat(gauge(scrape, "east_train_loss")).isCloseTo(seen.metrics.get(2).getLoss(), within(1e-9));
        }
    }

    private static double gauge(String scrape, String name) {
        String prefix = name + "{component=\"train\"} ";
        return scrape.lines().filter(line -> line.startsWith(prefix)).mapToDouble(line ->
                Double.parseDouble(line.substring(prefix.length()))).findFirst().orElseThrow();
    }
}
