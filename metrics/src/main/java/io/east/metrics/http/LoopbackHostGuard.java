package io.east.metrics.http;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Set;

/**
 * For an HTTP server on a loopback address: answers only requests whose Host header names the loopback. A web page
 * elsewhere could otherwise point a DNS name of its own at 127.0.0.1 (DNS rebinding) and, from the user's browser,
 * read the dashboard or make {@code east serve} load another checkpoint. On any other address the operator chose to
 * expose the server, and names are theirs to choose.
 */
public final class LoopbackHostGuard {

    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    private final boolean loopbackOnly;

    public LoopbackHostGuard(InetAddress bound) {
        this.loopbackOnly = bound.isLoopbackAddress();
    }

    public boolean allows(String hostHeader) {
        if (!loopbackOnly) {
            return true;
        }
        if (hostHeader == null) {
            return false;
        }
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        int portColon = host.lastIndexOf(':');
        if (portColon > host.lastIndexOf(']')) {
            host = host.substring(0, portColon);
        }
        return LOOPBACK_NAMES.contains(host) || host.startsWith("127.") && host.matches("127(\\.\\d{1,3}){3}");
    }
}
