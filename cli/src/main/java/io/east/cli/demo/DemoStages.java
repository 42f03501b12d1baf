package io.east.cli.demo;

import io.east.cli.common.SamplingBackend;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The command line of each stage of the loop, and the order in which they start and stop. */
final class DemoStages {

    static final String STREAMS = "streams";
    static final String GENERATE = "generate";
    static final String TRAIN = "train";
    static final String EVAL = "eval";
    static final String DASHBOARD = "dashboard";
    static final String FEED = "feed";
    static final String SERVE = "serve";
    /** The name the demo's east serve gives the policy; generate sends it as the model. */
    private static final String SERVED_MODEL = "policy";
    private static final Duration SERVE_START = Duration.ofMinutes(2);

    private DemoStages() {
    }

    /** Consumers first, the feeder last, so nothing the feeder starts waits for a stage still booting. */
    static void startAll(ChildProcesses stages, DemoSettings settings, SamplingBackend backend, String bootstrap, Path run,
            Path base) throws IOException, InterruptedException {
        String maxNewTokens = Integer.toString(settings.maxNewTokens());
        stages.start(STREAMS, with(bootstrap, "streams", "--scope", settings.scope(),
                "--state-dir", run.resolve("streams-state").toString(), "--group-timeout", "30s"));
        List<String> sampling = List.of("--checkpoint-root", run.toString(),
                "--temperature", Double.toString(settings.temperature()), "--max-new-tokens", maxNewTokens,
                "--batch", "8");
        stages.start(GENERATE, with(bootstrap, concat(List.of("generate"), sampling, switch (backend) {
            case DJL -> List.of("--backend", "djl", "--init", base.toString(), "--seed", Long.toString(settings.seed()));
            case OPENAI -> List.of("--backend", "openai", "--endpoint", startServe(stages, settings, run, base),
                    "--model", SERVED_MODEL, "--concurrency", "8", "--weight-sync", "sglang");
        })));
        stages.start(TRAIN, with(bootstrap, "train", "--loss", "sft", "--init", base.toString(),
                "--checkpoint-dir", run.resolve("checkpoints").toString(),
                "--batch-size", Integer.toString(settings.trainBatch()),
                "--lr", Double.toString(settings.trainLearningRate()), "--warmup", "0",
                "--checkpoint-every", Integer.toString(settings.checkpointEvery()), "--log-every", "1"));
        stages.start(EVAL, with(bootstrap, "eval", "--follow", "--checkpoint-root", run.toString(),
                "--dataset", "synthetic:" + settings.seed(), "--split", "test",
                "--limit", Integer.toString(settings.evalQuestions()), "--max-new-tokens", maxNewTokens));
        if (settings.port() >= 0) {
            stages.start(DASHBOARD, with(bootstrap, "dashboard", "--port", Integer.toString(settings.port())));
        }
        stages.start(FEED, with(bootstrap, "feed", "--dataset", "synthetic:" + settings.feedSeed(),
                "--n", Integer.toString(settings.samplesPerTask()), "--rounds", "1000",
                "--limit", Integer.toString(settings.questionsPerRound()),
                "--max-in-flight", Integer.toString(settings.maxInFlight())));
    }

    /** east serve on the base model, reloading only checkpoints under the run directory; returns its URL. */
    private static String startServe(ChildProcesses stages, DemoSettings settings, Path run, Path base)
            throws IOException, InterruptedException {
        ChildProcesses.Child serve = stages.start(SERVE, List.of("serve", "--model", base.toString(),
                "--served-model-name", SERVED_MODEL, "--port", "0", "--checkpoint-root", run.toString(),
                "--seed", Long.toString(settings.seed())));
        return ServeStage.awaitUrl(serve, SERVE_START);
    }

    /**
     * Stops the producers of new work first, then the trainer (which writes a final checkpoint and version), gives
     * the evaluator time to measure that last version, and stops the rest.
     */
    static void windDown(ChildProcesses stages, DemoTally tally, Duration lastEvalGrace) throws InterruptedException {
        for (String name : List.of(FEED, GENERATE, TRAIN)) {
            stop(stages, name, 120);
        }
        Instant deadline = Instant.now().plus(lastEvalGrace);
        while (Instant.now().isBefore(deadline) && !newestVersionEvaluated(tally.snapshot())) {
            Thread.sleep(500);
        }
        for (String name : List.of(EVAL, DASHBOARD, SERVE, STREAMS)) {
            stop(stages, name, 60);
        }
    }

    private static boolean newestVersionEvaluated(DemoTally.Snapshot snapshot) {
        if (snapshot.versions().isEmpty()) {
            return true;
        }
        long newest = snapshot.versions().get(snapshot.versions().size() - 1);
        return snapshot.accuracy().stream().anyMatch(accuracy -> accuracy.version() == newest);
    }

    private static void stop(ChildProcesses stages, String name, long seconds) throws InterruptedException {
        for (ChildProcesses.Child child : stages.running(name)) {
            stages.stop(child, seconds);
        }
    }

    private static List<String> with(String bootstrap, String... arguments) {
        return with(bootstrap, List.of(arguments));
    }

    private static List<String> with(String bootstrap, List<String> arguments) {
        return concat(arguments, List.of("--bootstrap", bootstrap));
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }
}
