package io.east.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

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

    /** The first of {@code count} consecutive free ports, for a {@link ClusterLayout#fromBase} layout. */
    public static int pickConsecutive(int count) {
        Random random = new Random();
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = 20_000 + random.nextInt(30_000);
            if (allFree(base, count)) {
                return base;
            }
        }
        throw new IllegalStateException("No " + count + " consecutive free local ports in 100 attempts");
    }

    private static boolean allFree(int base, int count) {
        List<ServerSocket> sockets = new ArrayList<>(count);
        try {
            for (int port = base; port < base + count; port++) {
                sockets.add(new ServerSocket(port, 1, InetAddress.getLoopbackAddress()));
            }
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            closeAll(sockets);
        }
    }

    private static void closeAll(List<ServerSocket> sockets) {
        for (ServerSocket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing a socket that only ever listened cannot lose data.
            }
        }
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
            closeAll(sockets);
        }
    }
}
