package io.east.cli.demo;

import io.east.cli.common.SamplingBackend;
import io.east.cli.common.ExitCodes;
import io.east.formats.JsonOutput;
import io.east.cli.common.UsageException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The project's main job: the whole online self-training loop on an embedded broker, in one command. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false)
public final class DemoCommand implements Callable<Integer> {

    @Mixin private LoopRunOptions run = LoopRunOptions.withDefaults(5, "east-work");
    @Option(names = "--port", paramLabel = "P", defaultValue = "8080") private int port;
    @Option(names = "--size", paramLabel = "small|tiny", defaultValue = "small") private String size;
    @Option(names = "--backend", paramLabel = "djl|openai", defaultValue = "djl") private String backend;

    @Override
    public Integer call() throws Exception {
        if (port < -1 || port > 65_535) {
            throw new UsageException("--port must be -1, 0 or a port number, got " + port);
        }
        Duration duration = run.duration();
        DemoSettings settings = switch (size) {
            case "small" -> DemoSettings.defaults(duration, run.seed(), port, run.workDir());
            case "tiny" -> DemoSettings.tiny(duration, run.workDir()).withPortAndSeed(port, run.seed());
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
