package io.east.producers.generate.openai;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks a server's base URL and derives the URL of each API from it. */
public final class Endpoint {

    private Endpoint() {
    }

    /**
     * The URL of {@code mode}'s API below {@code base}: {@code http://host:8000} and {@code http://host:8000/v1} both
     * give {@code http://host:8000/v1/completions}; {@code http://host/proxy} gives
     * {@code http://host/proxy/v1/completions}.
     *
     * @throws IllegalArgumentException for anything but an absolute http(s) URL with a host and without user info,
     *     query or fragment (user info would put credentials in logs), or for a URL that already names an API
     */
    public static URI resolve(String base, ApiMode mode) {
        URI uri = parse(base);
        String path = uri.getPath() == null ? "" : uri.getPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.endsWith("/completions")) {
            throw new IllegalArgumentException("the endpoint is the server's base URL (e.g. http://host:8000 or "
                    + "http://host:8000/v1), not an API path; the API follows from the mode, got '" + base + "'");
        }
        String apiPath = (path.endsWith("/v1") ? path : path + "/v1") + "/" + mode.path();
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), apiPath, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot build the API URL from '" + base + "': " + e.getMessage(), e);
        }
    }

    private static URI parse(String base) {
        if (base == null || base.isBlank()) {
            throw new IllegalArgumentException("the endpoint URL is empty");
        }
        URI uri;
        try {
            uri = new URI(base.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the endpoint is not a URL: '" + base + "' (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("the endpoint must be an http:// or https:// URL, got '" + base + "'");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the endpoint URL has no host: '" + base + "'");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the endpoint URL must not carry credentials; "
                    + "put the key in an environment variable (--api-key-env)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("the endpoint URL must not have a query or fragment, got '" + base + "'");
        }
        return uri;
    }
}
