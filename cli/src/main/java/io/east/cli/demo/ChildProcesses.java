package io.east.cli.demo;

import io.east.cli.common.EastJvm;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's stages as separate {@code east} processes, started exactly as an operator would start them, each with
 * its own log file. Separate processes keep the stages' PyTorch engines apart (one training, two sampling) and
 * prove the commands work together; closing stops them all, gently first.
 */
final class ChildProcesses implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChildProcesses.class);

    /** A started stage. */
    record Child(String name, Process process, Path log) {
    }

    /**
     * The launcher's class-data archive, when this JVM was started with one: a stage restarted after a kill is then
     * working again seconds sooner, since it maps its start-up classes instead of loading them.
     */
    private static final List<String> CLASS_DATA_OPTIONS = ManagementFactory.getRuntimeMXBean().getInputArguments()
            .stream().filter(option -> option.startsWith("-XX:SharedArchiveFile=") || option.startsWith("-Xlog:cds")
                    || option.startsWith("-Xlog:class+path"))
            .toList();

    private final Path logDir;
    private final List<Child> children = new ArrayList<>();

    ChildProcesses(Path logDir) {
        this.logDir = logDir;
    }

    Child start(String name, List<String> eastArguments) throws IOException {
        List<String> jvmOptions = new ArrayList<>(List.of("-XX:+UseSerialGC", "-Xss4m",
                "-Dai.djl.pytorch.num_threads=1"));
        jvmOptions.addAll(CLASS_DATA_OPTIONS);
        List<String> command = EastJvm.command(jvmOptions, eastArguments);
        Path log = logDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // libtorch's OpenMP workers spin while idle and would starve the other stages on two cores.
        builder.environment().putAll(Map.of("OMP_WAIT_POLICY", "PASSIVE"));
        Child child = new Child(name, builder.start(), log);
        synchronized (children) {
            children.add(child);
        }
        LOG.atInfo().addKeyValue("stage", name).addKeyValue("pid", child.process().pid())
                .addKeyValue("log", log).log("stage started");
        return child;
    }

    /** The started stages of that name (one, unless the name was started twice). */
    List<Child> running(String name) {
        synchronized (children) {
            return children.stream().filter(child -> child.name().equals(name)).toList();
        }
    }

    /** The first stage that has exited on its own, if any: the demo cannot go on without it. */
    java.util.Optional<Child> exited() {
        synchronized (children) {
            return children.stream().filter(child -> !child.process().isAlive()).findFirst();
        }
    }

    /** Asks one stage to stop (SIGTERM) and waits; kills it when it does not stop in time. */
    void stop(Child child, long seconds) throws InterruptedException {
        if (child.process().isAlive()) {
            child.process().destroy();
            if (!child.process().waitFor(seconds, TimeUnit.SECONDS)) {
                LOG.atWarn().addKeyValue("stage", child.name()).log("stage did not stop in time; killing it");
                child.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Stops every stage still running, in the reverse order of their start. */
    @Override
    public void close() {
        List<Child> running;
        synchronized (children) {
            running = new ArrayList<>(children);
        }
        java.util.Collections.reverse(running);
        for (Child child : running) {
            try {
                stop(child, 60);
            } catch (InterruptedException e) {
                child.process().destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
