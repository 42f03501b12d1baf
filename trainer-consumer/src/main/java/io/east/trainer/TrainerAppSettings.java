package io.east.trainer;

import io.east.model.Precision;
import io.east.model.train.LossKind;
import io.east.schemas.topics.EastTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Everything that shapes a trainer run; {@link #builder} fills the defaults.
 *
 * @param topic the Kafka topic of WeightedExamples; null when training from {@code dataFile}
 * @param dataFile a JSONL file of WeightedExamples (the --data mode, no Kafka); null when reading a topic
 * @param learningRate peak rate after warm-up (constant after it: online training has no planned end)
 * @param gradClip global gradient-norm clip; 0 turns clipping off
 * @param weightDecay AdamW decay of matrices (norms and biases never decay)
 * @param beta DPO / KTO temperature (unused by SFT)
 * @param maxSequenceLength prompt + response tokens per example; 0 = min(512, the model's positions)
 * @param maxExamples stop after this many trained examples in total (restarts included); 0 = never
 * @param staleness which examples are held back as too stale
 * @param prompt turns a WeightedExample's question into the text the model is trained on: the generator's template
 * @param logEvery a progress log line every this many steps
 * @param precision what forward and backward compute in: bf16 is mixed precision over fp32 master weights
 * @param checkpointPrecision what checkpoints store the weights as; null: as the --init checkpoint does
 */
public record TrainerAppSettings(LossKind loss, Path init, Path checkpointDir, String topic, Path dataFile,
                            String experiment, int batchSize, double learningRate, int warmupSteps, double gradClip,
                            double weightDecay, double beta, int maxSequenceLength, int checkpointEvery,
                            long maxExamples, StalenessFilter staleness, DeviceChoice device,
                            UnaryOperator<String> prompt, int logEvery, Duration pollTimeout, Precision precision,
                            Precision checkpointPrecision) {

    public TrainerAppSettings {
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(checkpointDir, "checkpointDir");
        Objects.requireNonNull(staleness, "staleness");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(pollTimeout, "pollTimeout");
        Objects.requireNonNull(precision, "precision");
        if ((topic == null) == (dataFile == null)) {
            throw new IllegalArgumentException("read either a topic or a data file");
        }
        if (experiment != null) {
            EastTopics.validateExperiment(experiment);
        }
        atLeast(batchSize, 1, "batch size");
        atLeast(warmupSteps, 0, "warm-up");
        atLeast(maxSequenceLength, 0, "max sequence length");
        atLeast(checkpointEvery, 1, "checkpoint-every");
        atLeast(maxExamples, 0, "max-examples");
        atLeast(logEvery, 1, "log-every");
        finiteAtLeastZero(learningRate, "learning rate");
        finiteAtLeastZero(gradClip, "grad-clip");
        finiteAtLeastZero(weightDecay, "weight decay");
        if (!Double.isFinite(beta) || beta <= 0) {
            throw new IllegalArgumentException("beta must be a positive number, got " + beta);
        }
    }

    public static Builder builder(LossKind loss, Path init, Path checkpointDir) {
        return new Builder(loss, init, checkpointDir);
    }

    public boolean fromFile() {
        return dataFile != null;
    }

    /** Key of this run's ModelVersion and TrainMetrics records: the experiment, or "main". */
    public String recordKey() {
        return EastTopics.recordKey(experiment);
    }

    /** The group the consumed offsets are also committed under, for lag monitoring only. */
    public String groupId() {
        return experiment == null ? "east-trainer" : "east-trainer-" + experiment;
    }

    public String lossId() {
        return loss.name().toLowerCase(Locale.ROOT);
    }

    /** What a checkpoint's state names as its source. */
    public String sourceId() {
        return fromFile() ? FileExampleSource.keyFor(dataFile) : "kafka:" + topic;
    }

    /** The learning rates of the reference scripts for Llama-3.2-1B (docs/method.md); KTO takes DPO's. */
    public static double defaultLearningRate(LossKind loss) {
        return loss == LossKind.SFT ? 2e-6 : 2e-7;
    }

    /** DPO: 0.01 as in the reference scripts; KTO: 0.1, the usual default of KTO implementations. */
    public static double defaultBeta(LossKind loss) {
        return loss == LossKind.DPO ? 0.01 : 0.1;
    }

    private static void atLeast(long value, long min, String what) {
        if (value < min) {
            throw new IllegalArgumentException(what + " must be >= " + min + ", got " + value);
        }
    }

    private static void finiteAtLeastZero(double value, String what) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(what + " must be a finite number >= 0, got " + value);
        }
    }

    public static final class Builder {
        private final LossKind loss;
        private final Path init;
        private final Path checkpointDir;
        private String topic;
        private Path dataFile;
        private String experiment;
        private int batchSize = 16;
        private Double learningRate;
        private int warmupSteps = 10;
        private double gradClip = 1.0;
        private double weightDecay;
        private Double beta;
        private int maxSequenceLength;
        private int checkpointEvery = 100;
        private long maxExamples;
        private StalenessFilter staleness = StalenessFilter.unbounded();
        private DeviceChoice device = DeviceChoice.AUTO;
        private UnaryOperator<String> prompt = UnaryOperator.identity();
        private int logEvery = 10;
        private Duration pollTimeout = Duration.ofMillis(500);
        private Precision precision = Precision.FP32;
        private Precision checkpointPrecision;

        private Builder(LossKind loss, Path init, Path checkpointDir) {
            this.loss = loss;
            this.init = init;
            this.checkpointDir = checkpointDir;
        }

        /** Reads this topic instead of east.weighted[.EXP]. */
        public Builder topic(String value) {
            this.topic = value;
            return this;
        }

        public Builder dataFile(Path value) {
            this.dataFile = value;
            return this;
        }

        public Builder experiment(String value) {
            this.experiment = value;
            return this;
        }

        public Builder batchSize(int value) {
            this.batchSize = value;
            return this;
        }

        public Builder learningRate(double value) {
            this.learningRate = value;
            return this;
        }

        public Builder warmupSteps(int value) {
            this.warmupSteps = value;
            return this;
        }

        public Builder gradClip(double value) {
            this.gradClip = value;
            return this;
        }

        public Builder weightDecay(double value) {
            this.weightDecay = value;
            return this;
        }

        public Builder beta(double value) {
            this.beta = value;
            return this;
        }

        public Builder maxSequenceLength(int value) {
            this.maxSequenceLength = value;
            return this;
        }

        public Builder checkpointEvery(int value) {
            this.checkpointEvery = value;
            return this;
        }

        public Builder maxExamples(long value) {
            this.maxExamples = value;
            return this;
        }

        public Builder maxStaleness(long value) {
            this.staleness = new StalenessFilter(value);
            return this;
        }

        public Builder device(DeviceChoice value) {
            this.device = value;
            return this;
        }

        public Builder prompt(UnaryOperator<String> value) {
            this.prompt = value;
            return this;
        }

        public Builder logEvery(int value) {
            this.logEvery = value;
            return this;
        }

        public Builder pollTimeout(Duration value) {
            this.pollTimeout = value;
            return this;
        }

        public Builder precision(Precision value) {
            this.precision = value;
            return this;
        }

        /** What checkpoints store the weights as; unset: as --init does. */
        public Builder checkpointPrecision(Precision value) {
            this.checkpointPrecision = value;
            return this;
        }

        public TrainerAppSettings build() {
            String resolvedTopic = dataFile != null ? topic
                    : topic != null ? topic
                    : experiment == null ? EastTopics.WEIGHTED.name() : EastTopics.WEIGHTED.forExperiment(experiment).name();
            return new TrainerAppSettings(loss, init, checkpointDir, resolvedTopic, dataFile, experiment, batchSize,
                    learningRate != null ? learningRate : defaultLearningRate(loss), warmupSteps, gradClip,
                    weightDecay, beta != null ? beta : defaultBeta(loss), maxSequenceLength, checkpointEvery,
                    maxExamples, staleness, device, prompt, logEvery, pollTimeout, precision, checkpointPrecision);
        }
    }
}
