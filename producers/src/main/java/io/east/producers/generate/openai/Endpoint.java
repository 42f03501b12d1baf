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

    /**
     * The server's root below {@code base}, where the engines' own admin routes live (SGLang's
     * {@code /update_weights_from_disk}, vLLM's {@code /collective_rpc}): {@code http://host:8000/v1} and
     * {@code http://host:8000} both give {@code http://host:8000}; {@code http://host/proxy/v1} gives
     * {@code http://host/proxy}.
     *
     * @throws IllegalArgumentException as {@link #resolve} does
     */
    public static URI root(String base) {
        URI api = resolve(base, ApiMode.COMPLETIONS);
        String path = api.getPath();
        String rootPath = path.substring(0, path.length() - ("/v1/" + ApiMode.COMPLETIONS.path()).length());
        try {
            return new URI(api.getScheme(), null, api.getHost(), api.getPort(), rootPath, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot build the root URL from '" + base + "': " + e.getMessage(), e);
        }
    }

    /** The URL of an admin route below the server's {@link #root}, e.g. {@code get_model_info}. */
    public static URI admin(String base, String route) {
        URI root = root(base);
        try {
            return new URI(root.getScheme(), null, root.getHost(), root.getPort(), root.getPath() + "/" + route, null,
                    null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot build the URL of " + route + " from '" + base + "': "
                    + e.getMessage(), e);
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
