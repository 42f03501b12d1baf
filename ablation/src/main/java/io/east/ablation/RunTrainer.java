package io.east.ablation;

import io.east.producers.generate.PromptTemplate;
import io.east.schemas.TrainMetrics;
import io.east.trainer.TrainerAppSettings;
import io.east.trainer.TrainerApp;
import io.east.trainer.TrainingListener;
import io.east.trainer.TrainingReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Trains the initial checkpoint on one run's data file with {@link TrainerApp}, from a file and without Kafka. One
 * run at a time: the PyTorch engine allows one open gradient collector per JVM.
 */
record RunTrainer(Path init, TrainingPlan plan) {

    static final int FINAL_LOSS_STEPS = 5;

    TrainOutcome train(Path dataFile, Path checkpointDir) throws IOException {
        TrainerAppSettings.Builder builder = TrainerAppSettings.builder(plan.loss(), init, checkpointDir)
                .dataFile(dataFile)
                .batchSize(plan.batchSize())
                .learningRate(plan.learningRate())
                .warmupSteps(plan.warmup())
                .gradClip(plan.gradClip())
                // One checkpoint, at the end: intermediate versions would only cost disk and time here.
                .checkpointEvery(Integer.MAX_VALUE)
                .logEvery(50)
                .prompt(PromptTemplate.DEFAULT::fill);
        if (plan.beta() != null) {
            builder.beta(plan.beta());
        }
        LossRecorder losses = new LossRecorder();
        long start = System.nanoTime();
        TrainingReport report;
        try (TrainerApp app = TrainerApp.open(builder.build(), Map.of(), losses)) {
            report = app.run();
        }
        if (report.invalid() > 0) {
            throw new IllegalStateException(report.invalid() + " example(s) of " + dataFile
                    + " could not be trained; see the log");
        }
        return new TrainOutcome(report.steps(), report.trained(), losses.first, losses.finalLoss(),
                report.lastCheckpoint().directory(), Duration.ofNanos(System.nanoTime() - start));
    }

    private static final class LossRecorder implements TrainingListener {
        private final Deque<Double> last = new ArrayDeque<>();
        private double first = Double.NaN;

        @Override
        public void stepped(TrainMetrics metrics) {
            if (Double.isNaN(first)) {
                first = metrics.getLoss();
            }
            last.addLast(metrics.getLoss());
            if (last.size() > FINAL_LOSS_STEPS) {
                last.removeFirst();
            }
        }

        double finalLoss() {
            return last.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }
    }
}
