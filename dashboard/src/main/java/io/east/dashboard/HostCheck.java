package io.east.dashboard;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Set;

/**
 * On a loopback address, answers only requests whose Host header names the loopback. A web page elsewhere could
 * otherwise point a DNS name of its own at 127.0.0.1 (DNS rebinding) and read the dashboard from the user's browser.
 * On any other address the operator chose to expose the dashboard, and names are theirs to choose.
 */
final class HostCheck {

    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    private final boolean loopbackOnly;

    HostCheck(InetAddress bound) {
        this.loopbackOnly = bound.isLoopbackAddress();
    }

    boolean allows(String hostHeader) {
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
