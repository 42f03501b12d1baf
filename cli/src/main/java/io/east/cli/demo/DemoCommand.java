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
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false)
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--minutes", paramLabel = "M", defaultValue = "5") private double minutes;
    @Option(names = "--seed", paramLabel = "S", defaultValue = "0") private long seed;
    @Option(names = "--port", paramLabel = "P", defaultValue = "8080") private int port;
    @Option(names = "--work-dir", paramLabel = "D", defaultValue = "east-work") private Path workDir;
    @Option(names = "--size", paramLabel = "small|tiny", defaultValue = "small") private String size;
    @Option(names = "--backend", paramLabel = "djl|openai", defaultValue = "djl") private String backend;

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
