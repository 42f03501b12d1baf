package io.east.dashboard;

import com.sun.net.httpserver.HttpExchange;
import io.east.metrics.http.HttpResponses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The page and its scripts, styles and vendored libraries, from {@code static/} in the jar: the dashboard loads
 * nothing from the internet. Only plain relative names are served, so no request can reach other resources.
 */
final class StaticAssets {

    static final String PREFIX = "/static/";
    private static final String ROOT = "static/";
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "txt", "text/plain; charset=utf-8");

    private record Asset(String contentType, byte[] bytes) {
    }

    /** Only assets found are cached: names that miss are as many as requests can invent. */
    private final Map<String, Asset> cache = new ConcurrentHashMap<>();

    /** Serves {@code name} (relative to static/), or 404. */
    void serve(HttpExchange exchange, String name) throws IOException {
        Optional<Asset> asset = Optional.ofNullable(cache.get(name));
        if (asset.isEmpty() && SAFE_NAME.matcher(name).matches() && !name.contains("..")) {
            asset = load(name);
            asset.ifPresent(found -> cache.put(name, found));
        }
        if (asset.isEmpty()) {
            Responses.text(exchange, 404, "not found\n");
            return;
        }
        // Small files on a local page: revalidating each load is cheap and never shows a stale script.
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        HttpResponses.send(exchange, 200, asset.get().contentType(), asset.get().bytes());
    }

    private static Optional<Asset> load(String name) {
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? "text/plain; charset=utf-8" : TYPES.get(name.substring(dot + 1));
        if (type == null) {
            return Optional.empty();
        }
        try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            return in == null ? Optional.empty() : Optional.of(new Asset(type, in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read asset " + name, e);
        }
    }
}
