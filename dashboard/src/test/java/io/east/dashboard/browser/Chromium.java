package io.east.dashboard.browser;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Debian's headless Chromium, driven over the DevTools protocol: no WebDriver, no browser download, no dependency
 * beyond the JDK's WebSocket client. Each instance has a fresh profile directory, deleted on close.
 */
public final class Chromium implements AutoCloseable {

    /** Overrides where the browser is, e.g. for a Chromium outside /usr/bin. */
    public static final String BINARY_ENV = "EAST_CHROMIUM";
    private static final Path DEFAULT_BINARY = Path.of("/usr/bin/chromium");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final Path profile;
    private final int devToolsPort;

    private Chromium(Process process, Path profile, int devToolsPort) {
        this.process = process;
        this.profile = profile;
        this.devToolsPort = devToolsPort;
    }

    /** The browser binary, when one is installed. */
    public static Optional<Path> find() {
        String override = System.getenv(BINARY_ENV);
        Path binary = override != null && !override.isBlank() ? Path.of(override) : DEFAULT_BINARY;
        return Files.isExecutable(binary) ? Optional.of(binary) : Optional.empty();
    }

    /** For {@code @EnabledIf}: whether a browser binary is installed. */
    public static boolean installed() {
        return find().isPresent();
    }

    /** Starts a headless browser with the flags that work on a machine without internet access. */
    public static Chromium launch(Path binary) throws IOException {
        Path profile = Files.createTempDirectory("east-chromium-");
        List<String> command = new ArrayList<>(List.of(binary.toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--window-size=1600,1000", "about:blank"));
        Path log = profile.resolveSibling(profile.getFileName() + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Path activePort = profile.resolve("DevToolsActivePort");
        try {
            await("Chromium writes " + activePort).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("Chromium exited with " + process.exitValue() + ": "
                                    + Files.readString(log, StandardCharsets.UTF_8));
                        }
                        return Files.isRegularFile(activePort)
                                && Files.readAllLines(activePort, StandardCharsets.UTF_8).size() >= 2;
                    });
            int port = Integer.parseInt(Files.readAllLines(activePort, StandardCharsets.UTF_8).get(0).trim());
            return new Chromium(process, profile, port);
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** The browser's first tab. */
    public BrowserPage firstPage() throws IOException, InterruptedException {
        HttpResponse<String> list = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + devToolsPort + "/json/list")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode target : JSON.readTree(list.body())) {
            if (target.path("type").asText().equals("page")) {
                return new BrowserPage(DevToolsSession.connect(URI.create(
                        target.path("webSocketDebuggerUrl").asText())));
            }
        }
        throw new IllegalStateException("Chromium has no page target: " + list.body());
    }

    /** Ends the browser and every process it started (renderers, zygote), then removes its profile. */
    @Override
    public void close() throws IOException, InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle member : tree) {
            try {
                member.onExit().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                member.destroyForcibly();
            }
        }
        deleteQuietly(profile);
        Files.deleteIfExists(profile.resolveSibling(profile.getFileName() + ".log"));
    }

    /** Best effort: a file the browser removed meanwhile, or one it still holds, must not fail the test. */
    private static void deleteQuietly(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                try {
                    Files.deleteIfExists(dir);
                } catch (IOException notEmpty) {
                    // left for the OS's temporary-file cleanup
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
