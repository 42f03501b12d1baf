package io.east.serve;

import java.net.InetAddress;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * On a loopback address, answers only requests whose Host header names the loopback, so a web page cannot reach the
 * server from the user's browser through a DNS name it points at 127.0.0.1 (DNS rebinding) and, say, make it load
 * another checkpoint. On any other address the operator chose to expose the server, and host names are theirs.
 */
final class LoopbackHosts {

    private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.\\d{1,3}){3}");

    private final boolean loopbackOnly;

    LoopbackHosts(InetAddress bound) {
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
        int colon = host.lastIndexOf(':');
        if (colon > host.lastIndexOf(']')) {
            host = host.substring(0, colon);
        }
        return host.equals("localhost") || host.equals("[::1]") || LOOPBACK_V4.matcher(host).matches();
    }
}
