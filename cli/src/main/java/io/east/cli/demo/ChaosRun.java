package io.east.cli.demo;

import io.east.schemas.GroupSummary;
import io.east.schemas.TrainMetrics;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.topics.CommittedScan;
import io.east.schemas.topics.EastTopics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One chaos run: the demo's tiny loop (feed, DJL generate, streams, train) on an embedded broker, with stages killed
 * by SIGKILL and restarted along a seeded {@link ChaosPlan} and the broker (or one node of a cluster) restarted once
 * on its data;
 * then the pipeline drains and the {@link ChaosLedger} is read back.
 */
final class ChaosRun {

    private static final Logger LOG = LoggerFactory.getLogger(ChaosRun.class);
    static final List<Stage> KILLED_STAGES = List.of(Stage.GENERATE, Stage.STREAMS, Stage.TRAIN);
    private static final int SAMPLES_PER_TASK = 4;
    private static final int QUESTIONS_PER_ROUND = 32;

    /** What was done to the pipeline, and what it delivered. */
    record Outcome(ChaosLedger ledger, Map<Stage, Integer> kills, String brokerDisruptions, long tasks) {
    }

    private final ChaosSettings settings;
    private final DemoSettings loop;
    private final Map<Stage, List<String>> commands = new EnumMap<>(Stage.class);
    private final Map<Stage, ChildProcesses.Child> running = new EnumMap<>(Stage.class);
    private final Map<Stage, Integer> kills = new EnumMap<>(Stage.class);
    private final List<Instant> generatorRestarts = new ArrayList<>();

    ChaosRun(ChaosSettings settings) {
        this.settings = settings;
        this.loop = DemoSettings.tiny(settings.period(), settings.workDir());
    }

    Outcome run() throws Exception {
        Path base = DemoRun.freshRunWithBase(loop);
        Path run = loop.runDir();
        try (ChaosBroker broker = settings.brokers() == 1 ? new SingleChaosBroker(run.resolve("kafka"))
                : new ClusterChaosBroker(settings.brokers(), run.resolve("kafka"), run.resolve("logs"), settings.seed());
             ChildProcesses stages = new ChildProcesses(run.resolve("logs"))) {
            String bootstrap = broker.bootstrapServers();
            Map<String, Object> client = DemoRun.prepareLoop(stages, bootstrap, base);
            defineStages(bootstrap, run, base);
            for (Stage stage : List.of(Stage.STREAMS, Stage.GENERATE, Stage.TRAIN, Stage.FEED)) {
                start(stages, stage);
            }
            ChaosPlan plan = ChaosPlan.draw(settings.seed(), settings.period(), settings.killEvery(), KILLED_STAGES,
                    settings.stageKills());
            Instant start = Instant.now();
            boolean brokerRestarted = false;
            for (ChaosPlan.Kill kill : plan.kills()) {
                if (!brokerRestarted && !start.plus(plan.brokerRestartAt()).isAfter(start.plus(kill.at()))) {
                    sleepUntil(start.plus(plan.brokerRestartAt()));
                    broker.disrupt();
                    brokerRestarted = true;
                }
                sleepUntil(start.plus(kill.at()));
                killAndRestart(stages, kill);
            }
            if (!brokerRestarted) {
                sleepUntil(start.plus(plan.brokerRestartAt()));
                broker.disrupt();
            }
            sleepUntil(start.plus(settings.period()));
            drain(stages, client);
            ChaosLedger ledger = ChaosLedger.read(client, run.resolve("checkpoints"), tasks(), generatorRestarts);
            stages.close();
            return new Outcome(ledger, Map.copyOf(kills), broker.disruptions(), tasks());
        }
    }

    /** Tasks the feed publishes: whole rounds of the questions the tiny model was warmed up on. */
    long tasks() {
        return (long) rounds() * QUESTIONS_PER_ROUND;
    }

    private int rounds() {
        return (int) Math.max(1, (settings.tasks() + QUESTIONS_PER_ROUND - 1) / QUESTIONS_PER_ROUND);
    }

    private void defineStages(String bootstrap, Path run, Path base) {
        commands.put(Stage.STREAMS, DemoStages.command(Stage.STREAMS, bootstrap, "--scope", "window:4",
                "--window-timeout", "5s", "--group-timeout", "30s",
                "--state-dir", run.resolve("streams-state").toString()));
        // A fixed worker id fences the killed worker's zombie and aborts its open transaction at once.
        commands.put(Stage.GENERATE, DemoStages.command(Stage.GENERATE, bootstrap, "--backend", "djl",
                "--checkpoint-root", run.toString(), "--init", base.toString(),
                "--temperature", Double.toString(loop.temperature()), "--max-new-tokens",
                Integer.toString(loop.maxNewTokens()), "--batch", "4", "--seed", Long.toString(settings.seed()),
                "--worker-id", "chaos-generator"));
        // Batches of one: the drain can tell when every example has been trained.
        commands.put(Stage.TRAIN, DemoStages.command(Stage.TRAIN, bootstrap, "--loss", "sft", "--init", base.toString(),
                "--checkpoint-dir", run.resolve("checkpoints").toString(), "--batch-size", "1", "--lr", "1e-3",
                "--warmup", "0", "--checkpoint-every", "4", "--log-every", "50"));
        commands.put(Stage.FEED, DemoStages.command(Stage.FEED, bootstrap, "--dataset", "synthetic:" + loop.feedSeed(),
                "--n", Integer.toString(SAMPLES_PER_TASK), "--limit", Integer.toString(QUESTIONS_PER_ROUND),
                "--rounds", Integer.toString(rounds()), "--max-in-flight", "16"));
    }

    private void start(ChildProcesses stages, Stage stage) throws IOException {
        running.put(stage, stages.start(stage.toString(), commands.get(stage)));
    }

    private void killAndRestart(ChildProcesses stages, ChaosPlan.Kill kill) throws Exception {
        ChildProcesses.Child child = running.get(kill.stage());
        if (!child.process().isAlive()) {
            throw new IllegalStateException("the " + kill.stage() + " stage stopped on its own (exit "
                    + child.process().exitValue() + "); see " + child.log());
        }
        child.process().destroyForcibly().waitFor();
        kills.merge(kill.stage(), 1, Integer::sum);
        LOG.atInfo().addKeyValue("stage", kill.stage()).addKeyValue("pid", child.process().pid())
                .addKeyValue("down_ms", kill.downFor().toMillis()).log("chaos: killed a stage with SIGKILL");
        Thread.sleep(kill.downFor().toMillis());
        start(stages, kill.stage());
        if (kill.stage() == Stage.GENERATE) {
            generatorRestarts.add(Instant.now());
        }
    }

    /**
     * Waits for the feed to finish, every fed task to be grouped and every weighted example to be trained, then stops
     * the trainer (which writes its final checkpoint) and the rest.
     */
    private void drain(ChildProcesses stages, Map<String, Object> client) throws Exception {
        LOG.atInfo().log("chaos: no more kills; draining the pipeline");
        Instant deadline = Instant.now().plus(settings.drainTimeout());
        ChildProcesses.Child feed = running.get(Stage.FEED);
        while (Instant.now().isBefore(deadline) && (feed.process().isAlive() || !drained(client))) {
            Thread.sleep(2_000);
        }
        if (feed.process().isAlive() || feed.process().exitValue() != 0) {
            LOG.atWarn().addKeyValue("log", feed.log()).log("chaos: the feed did not finish cleanly");
        }
        for (Stage stage : List.of(Stage.FEED, Stage.GENERATE, Stage.TRAIN, Stage.STREAMS)) {
            stages.stop(running.get(stage), 120);
        }
    }

    /** Every task grouped, every kept group weighed (partial windows close on their timeout), all of it trained. */
    private boolean drained(Map<String, Object> client) {
        Duration limit = ChaosLedger.READ_TIMEOUT;
        List<GroupSummary> groups = CommittedScan.readAll(client, EastTopics.GROUPS.name(), limit).stream()
                .map(r -> EastSerdes.groupSummary().deserialize(r.value())).toList();
        long grouped = groups.stream().map(GroupSummary::getTaskId).distinct().count();
        long kept = groups.stream().filter(GroupSummary::getKept)
                .map(GroupSummary::getTaskId).distinct().count();
        long weighted = CommittedScan.readAll(client, EastTopics.WEIGHTED.name(), limit).stream()
                .map(r -> EastSerdes.weightedExample().deserialize(r.value()).getTaskId()).distinct().count();
        long trained = CommittedScan.readAll(client, EastTopics.TRAIN_METRICS.name(), limit).stream()
                .map(r -> EastSerdes.trainMetrics().deserialize(r.value()))
                .mapToLong(TrainMetrics::getExamplesSeen).max().orElse(0);
        LOG.atInfo().addKeyValue("grouped", grouped).addKeyValue("of", tasks()).addKeyValue("kept", kept)
                .addKeyValue("weighted", weighted).addKeyValue("trained", trained).log("chaos: draining");
        return grouped >= tasks() && weighted >= kept && trained >= weighted;
    }

    private static void sleepUntil(Instant when) throws InterruptedException {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
