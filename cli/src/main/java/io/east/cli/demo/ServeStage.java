package io.east.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Waits for the demo's east serve stage to say where it serves: the line {@code serve=URL} it prints once ready. */
final class ServeStage {

    private static final String READY_PREFIX = "serve=";
    private static final Duration POLL = Duration.ofMillis(200);

    private ServeStage() {
    }

    /** The server's base URL, once its log holds the ready line; fails when the stage exits or time runs out. */
    static String awaitUrl(ChildProcesses.Child serve, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<String> url = readyLine(serve);
            if (url.isPresent()) {
                return url.get();
            }
            if (!serve.process().isAlive()) {
                throw new IllegalStateException("east serve stopped before serving (exit "
                        + serve.process().exitValue() + "); see " + serve.log());
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException("east serve did not start serving within " + timeout.toSeconds()
                + " s; see " + serve.log());
    }

    private static Optional<String> readyLine(ChildProcesses.Child serve) throws IOException {
        if (!Files.exists(serve.log())) {
            return Optional.empty();
        }
        try (var lines = Files.lines(serve.log())) {
            return lines.filter(line -> line.startsWith(READY_PREFIX))
                    .map(line -> line.substring(READY_PREFIX.length()).trim()).findFirst();
        }
    }
}
