package io.east.cli.demo;

import static io.east.cli.demo.Stage.DASHBOARD;
import static io.east.cli.demo.Stage.EVAL;
import static io.east.cli.demo.Stage.FEED;
import static io.east.cli.demo.Stage.GENERATE;
import static io.east.cli.demo.Stage.SERVE;
import static io.east.cli.demo.Stage.STREAMS;
import static io.east.cli.demo.Stage.TRAIN;

import io.east.cli.common.SamplingBackend;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The command line of each stage of the loop, and the order in which they start and stop. */
final class DemoStages {

    /** The name the demo's east serve gives the policy; generate sends it as the model. */
    private static final String SERVED_MODEL = "policy";
    private static final Duration SERVE_START = Duration.ofMinutes(2);

    private DemoStages() {
    }

    /** Consumers first, the feeder last, so nothing the feeder starts waits for a stage still booting. */
    static void startAll(ChildProcesses stages, DemoSettings settings, SamplingBackend backend, String bootstrap, Path run,
            Path base) throws IOException, InterruptedException {
        String maxNewTokens = Integer.toString(settings.maxNewTokens());
        start(stages, STREAMS, bootstrap, "--scope", settings.scope(),
                "--state-dir", run.resolve("streams-state").toString(), "--group-timeout", "30s");
        List<String> generate = new ArrayList<>(List.of("--checkpoint-root", run.toString(),
                "--temperature", Double.toString(settings.temperature()), "--max-new-tokens", maxNewTokens,
                "--batch", "8"));
        generate.addAll(switch (backend) {
            case DJL -> List.of("--backend", "djl", "--init", base.toString(), "--seed", Long.toString(settings.seed()));
            case OPENAI -> List.of("--backend", "openai", "--endpoint", startServe(stages, settings, run, base),
                    "--model", SERVED_MODEL, "--concurrency", "8", "--weight-sync", "sglang");
        });
        start(stages, GENERATE, bootstrap, generate.toArray(String[]::new));
        start(stages, TRAIN, bootstrap, "--loss", "sft", "--init", base.toString(),
                "--checkpoint-dir", run.resolve("checkpoints").toString(),
                "--batch-size", Integer.toString(settings.trainBatch()),
                "--lr", Double.toString(settings.trainLearningRate()), "--warmup", "0",
                "--checkpoint-every", Integer.toString(settings.checkpointEvery()), "--log-every", "1");
        start(stages, EVAL, bootstrap, "--follow", "--checkpoint-root", run.toString(),
                "--dataset", "synthetic:" + settings.seed(), "--split", "test",
                "--limit", Integer.toString(settings.evalQuestions()), "--max-new-tokens", maxNewTokens);
        if (settings.port() >= 0) {
            start(stages, DASHBOARD, bootstrap, "--port", Integer.toString(settings.port()));
        }
        start(stages, FEED, bootstrap, "--dataset", "synthetic:" + settings.feedSeed(),
                "--n", Integer.toString(settings.samplesPerTask()), "--rounds", "1000",
                "--limit", Integer.toString(settings.questionsPerRound()),
                "--max-in-flight", Integer.toString(settings.maxInFlight()));
    }

    /** {@code east STAGE ARGUMENTS --bootstrap BOOTSTRAP}, the command line of a stage that talks to Kafka. */
    static List<String> command(Stage stage, String bootstrap, String... arguments) {
        List<String> all = new ArrayList<>();
        all.add(stage.toString());
        all.addAll(List.of(arguments));
        all.addAll(List.of("--bootstrap", bootstrap));
        return all;
    }

    private static void start(ChildProcesses stages, Stage stage, String bootstrap, String... arguments)
            throws IOException {
        stages.start(stage.toString(), command(stage, bootstrap, arguments));
    }

    /** east serve on the base model, reloading only checkpoints under the run directory; returns its URL. */
    private static String startServe(ChildProcesses stages, DemoSettings settings, Path run, Path base)
            throws IOException, InterruptedException {
        ChildProcesses.Child serve = stages.start(SERVE.toString(), List.of(SERVE.toString(), "--model",
                base.toString(), "--served-model-name", SERVED_MODEL, "--port", "0", "--checkpoint-root", run.toString(),
                "--seed", Long.toString(settings.seed())));
        return ServeStage.awaitUrl(serve, SERVE_START);
    }

    /**
     * Stops the producers of new work first, then the trainer (which writes a final checkpoint and version), gives
     * the evaluator time to measure that last version, and stops the rest.
     */
    static void windDown(ChildProcesses stages, DemoTally tally, Duration lastEvalGrace) throws InterruptedException {
        for (Stage stage : List.of(FEED, GENERATE, TRAIN)) {
            stop(stages, stage, 120);
        }
        Instant deadline = Instant.now().plus(lastEvalGrace);
        while (Instant.now().isBefore(deadline) && !newestVersionEvaluated(tally.snapshot())) {
            Thread.sleep(500);
        }
        for (Stage stage : List.of(EVAL, DASHBOARD, SERVE, STREAMS)) {
            stop(stages, stage, 60);
        }
    }

    private static boolean newestVersionEvaluated(DemoTally.Snapshot snapshot) {
        if (snapshot.versions().isEmpty()) {
            return true;
        }
        long newest = snapshot.versions().get(snapshot.versions().size() - 1);
        return snapshot.accuracy().stream().anyMatch(accuracy -> accuracy.version() == newest);
    }

    private static void stop(ChildProcesses stages, Stage stage, long seconds) throws InterruptedException {
        for (ChildProcesses.Child child : stages.running(stage.toString())) {
            stages.stop(child, seconds);
        }
    }
}
