package io.east.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Free local ports, for Kafka listeners: a listener on port 0 binds, but the broker never tells which port it got.
 * Another process may still take a port between this pick and the broker's bind; that race is accepted.
 */
public final class FreePorts {

    private FreePorts() {
    }

    public static int pick() {
        return pick(1)[0];
    }

    /** {@code count} distinct free ports: all sockets stay open until every port is picked. */
    public static int[] pick(int count) {
        List<ServerSocket> sockets = new ArrayList<>(count);
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("No free local port", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // Closing a socket that only ever listened cannot lose data.
                }
            }
        }
    }
}
