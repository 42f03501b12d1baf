package io.east.dashboard.browser;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** A browser tab as a test uses it: load a URL, evaluate JavaScript, take a screenshot, list the page's errors. */
public final class BrowserPage implements AutoCloseable {

    public static final int WIDTH = 1600;
    public static final int HEIGHT = 1000;

    private final DevToolsSession session;

    BrowserPage(DevToolsSession session) {
        this.session = session;
        session.call("Page.enable", Map.of());
        session.call("Runtime.enable", Map.of());
        session.call("Log.enable", Map.of());
        viewport(HEIGHT);
    }

    /** Loads a URL and waits until the document and its deferred scripts have loaded. */
    public void open(String url) {
        session.call("Page.navigate", Map.of("url", url));
        await("page " + url + " loads").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> "complete".equals(evaluate("document.readyState").asText()));
    }

    /**
     * The value of a JavaScript expression (promises are awaited), as JSON; {@code undefined} is a null node.
     *
     * @throws AssertionError when the expression throws in the page
     */
    public JsonNode evaluate(String expression) {
        JsonNode result = session.call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new AssertionError("page threw evaluating " + expression + ": "
                    + result.path("exceptionDetails").path("exception").path("description").asText(
                            result.path("exceptionDetails").path("text").asText()));
        }
        JsonNode value = result.path("result").path("value");
        return value.isMissingNode() ? NullNode.getInstance() : value;
    }

    /** A PNG of the whole page, however long, at {@link #WIDTH} CSS pixels. */
    public void screenshot(Path file) throws IOException {
        JsonNode metrics = session.call("Page.getLayoutMetrics", Map.of());
        int height = (int) Math.ceil(metrics.path("cssContentSize").path("height").asDouble(HEIGHT));
        viewport(Math.max(HEIGHT, height));
        try {
            JsonNode shot = session.call("Page.captureScreenshot", Map.of("format", "png"));
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
        } finally {
            viewport(HEIGHT);
        }
    }

    /** Console errors, failed loads (e.g. a refused script) and uncaught exceptions so far. */
    public List<String> errors() {
        return session.pageErrors();
    }

    private void viewport(int height) {
        session.call("Emulation.setDeviceMetricsOverride", Map.of("width", WIDTH, "height", height,
                "deviceScaleFactor", 1, "mobile", false));
    }

    @Override
    public void close() {
        session.close();
    }
}
