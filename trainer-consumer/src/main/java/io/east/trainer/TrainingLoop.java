package io.east.trainer;

import io.east.model.NativeMemory;
import io.east.model.train.StepResult;
import io.east.model.train.Trainer;
import io.east.model.train.TrainingExample;
import io.east.schemas.TrainMetrics;
import io.east.schemas.WeightedExample;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trainer's loop: take one record at a time, hold back or skip what cannot be trained, fill a batch, step,
 * and every --checkpoint-every steps write a checkpoint that records where reading resumes.
 *
 * <p>Records are taken one at a time, so when a batch fills, every record consumed so far is either in it or
 * skipped: a checkpoint written right after a step has nothing half-done behind its positions. Only a checkpoint
 * at the end (a stop with a partly filled batch) has pending records; its positions stop before them and the
 * records skipped after them are left out of that checkpoint, so a restart reads them again exactly once.
 */
public final class TrainingLoop {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingLoop.class);

    private final TrainerAppSettings settings;
    private final Trainer trainer;
    private final ExampleSource source;
    private final CheckpointStore store;
    private final TrainingListener listener;
    private final String init;
    /** The run's step count minus the optimizer's: non-zero only when an init state comes without optimizer state. */
    private final long stepOffset;
    private final ExampleBatcher batcher;
    private final ConsumedOffsets offsets;
    private volatile boolean stopRequested;

    private Checkpoint newest;
    private long step;
    private long examplesSeen;
    private Double lastLoss;
    private final List<String> trainedSinceCheckpoint = new ArrayList<>();
    private List<SkippedExample> skippedSinceCheckpoint = new ArrayList<>();
    private int stepsSinceCheckpoint;
    private long runSteps;
    private long runTrained;
    private long runHeldBack;
    private long runInvalid;

    public TrainingLoop(TrainerAppSettings settings, Trainer trainer, ExampleSource source, CheckpointStore store,
            Checkpoint start, TrainingListener listener) {
        this.settings = settings;
        this.trainer = trainer;
        this.source = source;
        this.store = store;
        this.listener = listener;
        this.init = settings.init().toAbsolutePath().normalize().toString();
        this.newest = start;
        this.step = start.state().step();
        this.examplesSeen = start.state().examplesSeen();
        this.stepOffset = step - trainer.optimizer().stepCount();
        this.batcher = new ExampleBatcher(settings.batchSize());
        this.offsets = new ConsumedOffsets(source.startPositions());
    }

    /** Asks the loop to end after the step in progress, with a final checkpoint. Safe from any thread. */
    public void stop() {
        stopRequested = true;
    }

    /** Runs until --max-examples, the end of a file, or {@link #stop}. */
    public TrainingReport run() throws IOException {
        TrainingReport.StopReason reason;
        while (true) {
            if (stopRequested) {
                reason = TrainingReport.StopReason.STOPPED;
                break;
            }
            if (remaining() == 0) {
                reason = TrainingReport.StopReason.MAX_EXAMPLES;
                break;
            }
            Optional<IncomingExample> next = source.next(settings.pollTimeout());
            if (next.isEmpty()) {
                if (source.exhausted()) {
                    if (!batcher.isEmpty()) {
                        trainBatch();   // the end of a file: the tail is a smaller batch
                    }
                    reason = TrainingReport.StopReason.END_OF_DATA;
                    break;
                }
                continue;
            }
            accept(next.get());
            if (batcher.ready(remaining())) {
                trainBatch();
                if (step % settings.checkpointEvery() == 0 && advancedSinceCheckpoint()) {
                    checkpoint();
                }
            }
        }
        if (stepsSinceCheckpoint > 0 && advancedSinceCheckpoint()) {
            checkpoint();
        }
        LOG.atInfo().addKeyValue("reason", reason).addKeyValue("steps", runSteps).addKeyValue("trained", runTrained)
                .addKeyValue("held_back", runHeldBack).addKeyValue("invalid", runInvalid)
                .addKeyValue("examples_seen", examplesSeen).addKeyValue("version", newest.version())
                .log("training stopped");
        return new TrainingReport(runSteps, runTrained, runHeldBack, runInvalid, examplesSeen, newest, reason);
    }

    /**
     * False when every batch since the newest checkpoint was skipped for a non-finite gradient norm: the optimizer's
     * step did not move, and a second checkpoint of the same step would announce weights that did not change.
     */
    private boolean advancedSinceCheckpoint() {
        return step > newest.state().step();
    }

    public Checkpoint newestCheckpoint() {
        return newest;
    }

    /** Examples still allowed before --max-examples; Long.MAX_VALUE without a limit. */
    private long remaining() {
        return settings.maxExamples() == 0 ? Long.MAX_VALUE : Math.max(0, settings.maxExamples() - examplesSeen);
    }

    private void accept(IncomingExample incoming) {
        SourcePosition position = incoming.position();
        if (!incoming.usable()) {
            LOG.error("{}", incoming.problem());
            skip(new SkippedExample(position, null, SkipReason.INVALID, incoming.problem()));
            return;
        }
        WeightedExample example = incoming.example();
        ExampleConversion conversion = ExampleConversion.convert(example, settings.loss(), settings.prompt());
        if (!conversion.ok()) {
            String detail = where(position) + conversion.detail();
            LOG.atError().addKeyValue("task_id", example.getTaskId()).addKeyValue("reason", conversion.reason().id())
                    .log("{}", detail);
            skip(new SkippedExample(position, example.getTaskId(), conversion.reason(), detail));
            return;
        }
        long version = newest.version();
        if (settings.staleness().holdsBack(example.getPolicyVersion(), version)) {
            long lag = StalenessFilter.lag(example.getPolicyVersion(), version);
            String detail = "policy_version " + example.getPolicyVersion() + " lags version " + version + " by " + lag
                    + " > " + settings.staleness().maxLag();
            LOG.atInfo().addKeyValue("task_id", example.getTaskId()).addKeyValue("policy_version",
                    example.getPolicyVersion()).addKeyValue("version", version).addKeyValue("lag", lag)
                    .log("held back a stale example");
            skip(new SkippedExample(position, example.getTaskId(), SkipReason.STALE, detail));
            return;
        }
        batcher.add(new ExampleBatcher.Entry(position, example.getTaskId(), conversion.example()));
        offsets.pending(position);
    }

    private static String where(SourcePosition position) {
        return position.key().startsWith("file:")
                ? position.key().substring("file:".length()) + ":" + position.next() + ": "
                : position + ": ";
    }

    private void skip(SkippedExample skipped) {
        offsets.skipped(skipped.position());
        skippedSinceCheckpoint.add(skipped);
        if (skipped.reason() == SkipReason.STALE) {
            runHeldBack++;
        } else {
            runInvalid++;
        }
    }

    private void trainBatch() {
        List<ExampleBatcher.Entry> batch = batcher.drain();
        List<TrainingExample> examples = batch.stream().map(ExampleBatcher.Entry::example).toList();
        long started = System.nanoTime();
        StepResult result = trainer.step(examples);
        double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
        for (ExampleBatcher.Entry entry : batch) {
            offsets.trained(entry.position());
            trainedSinceCheckpoint.add(entry.taskId());
        }
        step = result.step() + stepOffset;
        examplesSeen += batch.size();
        lastLoss = result.loss();
        stepsSinceCheckpoint++;
        runSteps++;
        runTrained += batch.size();
        double meanWeight = examples.stream().mapToDouble(TrainingExample::weight).average().orElse(0);
        TrainMetrics metrics = TrainMetrics.newBuilder()
                .setStep(step)
                .setModelVersion(newest.version() + 1)
                .setLoss(result.loss())
                .setWeightedLoss(result.weightedLoss())
                .setMeanWeight(meanWeight)
                .setGradNorm(result.gradNorm())
                .setTokensPerSecond(result.tokens() / seconds)
                .setExamplesSeen(examplesSeen)
                .setHeldBack(heldBackSoFar())
                .setLearningRate(result.learningRate())
                .setLossType(settings.lossId())
                .setExperiment(settings.experiment())
                .setCreatedAt(Instant.now())
                .build();
        if (!Double.isFinite(result.gradNorm())) {
            LOG.atWarn().addKeyValue("step", step).log("gradient norm is not finite: the update was skipped");
        }
        if (runSteps == 1 || step % settings.logEvery() == 0) {
            LOG.atInfo().addKeyValue("step", step).addKeyValue("version", newest.version() + 1)
                    .addKeyValue("loss", round(result.loss())).addKeyValue("weighted_loss", round(result.weightedLoss()))
                    .addKeyValue("mean_weight", round(meanWeight)).addKeyValue("grad_norm", round(result.gradNorm()))
                    .addKeyValue("tokens_per_s", Math.round(result.tokens() / seconds))
                    .addKeyValue("step_ms", Math.round(seconds * 1000)).addKeyValue("examples_seen", examplesSeen)
                    .addKeyValue("held_back", heldBackSoFar()).addKeyValue("lr", result.learningRate())
                    .log("trained");
        }
        listener.stepped(metrics);
    }

    private long heldBackSoFar() {
        return newest.state().heldBack()
                + skippedSinceCheckpoint.stream().filter(s -> s.reason() == SkipReason.STALE).count();
    }

    private void checkpoint() throws IOException {
        Map<String, Long> positions = offsets.safe();
        List<SkippedExample> settled = new ArrayList<>();
        List<SkippedExample> carried = new ArrayList<>();
        for (SkippedExample s : skippedSinceCheckpoint) {
            (ConsumedOffsets.settled(s.position(), positions) ? settled : carried).add(s);
        }
        long stale = settled.stream().filter(s -> s.reason() == SkipReason.STALE).count();
        TrainerState parent = newest.state();
        TrainerState state = new TrainerState(parent.version() + 1, parent.version(), step, examplesSeen,
                parent.heldBack() + stale, parent.invalid() + settled.size() - stale, settings.lossId(), lastLoss,
                settings.experiment(), settings.sourceId(), positions, init, Instant.now());
        long started = System.nanoTime();
        Checkpoint written = store.write(state, trainedSinceCheckpoint, settled, trainer::save);
        newest = written;
        trainedSinceCheckpoint.clear();
        skippedSinceCheckpoint = carried;
        stepsSinceCheckpoint = 0;
        LOG.atInfo().addKeyValue("version", state.version()).addKeyValue("step", step)
                .addKeyValue("examples_seen", examplesSeen).addKeyValue("positions", positions)
                .addKeyValue("write_ms", (System.nanoTime() - started) / 1_000_000)
                .addKeyValue("directory", written.directory()).log("checkpoint written");
        listener.checkpointed(written, written.toModelVersion());
        source.checkpointed(positions, state.version());
        // glibc keeps what libtorch frees; without this, resident memory creeps by ~10% per 1,000 steps although
        // nothing leaks (model/README.md). Rare enough here that the page faults it costs do not matter.
        NativeMemory.releaseFreePages();
    }

    private static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 1e4) / 1e4 : value;
    }
}
