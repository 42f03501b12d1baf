package io.east.cli.demo;

import io.east.cli.common.SamplingBackend;
import io.east.cli.common.ExitCodes;
import io.east.formats.JsonOutput;
import io.east.cli.common.UsageException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The project's main job: the whole online self-training loop on an embedded broker, in one command. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Run online self-training end to end on an embedded Kafka broker: build (or reuse) a small base model "
                    + "by a short supervised warm-up on the synthetic task, then run feed -> generate -> streams -> "
                    + "train -> new model versions -> generators reload -> eval of each version, with the dashboard, "
                    + "for --minutes, and print a summary table.",
            "Each stage is a separate 'east' process with its log under WORK_DIR/run/logs. Everything is written "
                    + "under --work-dir; every process is stopped at the end (and on Ctrl-C)."})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--minutes", paramLabel = "M", defaultValue = "5",
            description = "How long the loop runs after the base model is ready (default: ${DEFAULT-VALUE}).")
    private double minutes;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seed of the synthetic questions and of sampling (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--port", paramLabel = "P", defaultValue = "8080",
            description = "Dashboard port on 127.0.0.1; 0 picks a free one, -1 serves none (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--work-dir", paramLabel = "D", defaultValue = "east-work",
            description = "Where everything goes, including the cached base model (default: ${DEFAULT-VALUE}).")
    private Path workDir;

    @Option(names = "--size", paramLabel = "small|tiny", defaultValue = "small",
            description = "small: the ~0.8M-parameter demo model; tiny: a toy model for smoke tests that only "
                    + "shows the loop turning (default: ${DEFAULT-VALUE}).")
    private String size;

    @Option(names = "--backend", paramLabel = "djl|openai", defaultValue = "djl",
            description = "djl: the generator samples the policy itself; openai: an 'east serve' stage serves it and "
                    + "the generator reaches it over the OpenAI API with --weight-sync sglang, the path run with "
                    + "SGLang or vLLM (default: ${DEFAULT-VALUE}).")
    private String backend;

    @Override
    public Integer call() throws Exception {
        if (!(minutes > 0) || minutes > 7 * 24 * 60) {
            throw new UsageException("--minutes must be > 0 and at most a week, got " + minutes);
        }
        if (port < -1 || port > 65_535) {
            throw new UsageException("--port must be -1, 0 or a port number, got " + port);
        }
        Duration duration = Duration.ofMillis(Math.round(minutes * 60_000));
        Path work = workDir.toAbsolutePath().normalize();
        DemoSettings settings = switch (size) {
            case "small" -> DemoSettings.defaults(duration, seed, port, work);
            case "tiny" -> DemoSettings.tiny(duration, work).withPortAndSeed(port, seed);
            default -> throw new UsageException("--size must be small or tiny, got '" + size + "'");
        };
        SamplingBackend chosen = SamplingBackend.parse(backend);
        DemoTally.Snapshot end = new DemoRun(settings, chosen).run();
        DemoReport.summary(System.out, settings, chosen, end);
        Path summary = settings.runDir().resolve("summary.json");
        JsonOutput.MAPPER.writerWithDefaultPrettyPrinter().writeValue(summary.toFile(), end);
        System.out.println("summary written to " + summary);
        return ExitCodes.OK;
    }
}
