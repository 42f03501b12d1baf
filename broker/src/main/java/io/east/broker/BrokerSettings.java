package io.east.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How an {@link EmbeddedKafkaBroker} is run.
 *
 * @param port the PLAINTEXT port clients use; 0 picks a free one
 * @param controllerPort the KRaft controller port; 0 picks a free one
 * @param dataDir where logs and metadata live; {@code null} means a fresh temporary directory that is deleted on
 *     close, a given directory is kept and reused by the next broker started on it
 * @param extraProperties broker properties applied last, so they override the single-node defaults (to add a
 *     listener, restate {@code listeners}, {@code advertised.listeners} and {@code listener.security.protocol.map}
 *     in full, with ports fixed in advance, for example from {@link FreePorts})
 * @param startTimeout how long {@link EmbeddedKafkaBroker#start()} waits for the broker to accept connections
 */
public record BrokerSettings(int port, int controllerPort, Path dataDir, Map<String, String> extraProperties,
                             Duration startTimeout) {

    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);

    public BrokerSettings {
        checkPort("port", port);
        checkPort("controllerPort", controllerPort);
        if (port != 0 && port == controllerPort) {
            throw new IllegalArgumentException("port and controllerPort must differ, both are " + port);
        }
        extraProperties = Map.copyOf(Objects.requireNonNull(extraProperties, "extraProperties"));
        Objects.requireNonNull(startTimeout, "startTimeout");
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("startTimeout must be positive, got " + startTimeout);
        }
    }

    /** Free ports, a temporary data directory, no extra properties. */
    public static BrokerSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder builder = new Builder().port(port).controllerPort(controllerPort).dataDir(dataDir)
                .startTimeout(startTimeout);
        extraProperties.forEach(builder::property);
        return builder;
    }

    /** Whether the data outlives the broker. */
    public boolean keepsData() {
        return dataDir != null;
    }

    private static void checkPort(String name, int value) {
        if (value < 0 || value > 65_535) {
            throw new IllegalArgumentException(name + " must be in 0..65535, got " + value);
        }
    }

    /** Mutable, not thread-safe. */
    public static final class Builder {
        private int port;
        private int controllerPort;
        private Path dataDir;
        private final Map<String, String> extraProperties = new LinkedHashMap<>();
        private Duration startTimeout = DEFAULT_START_TIMEOUT;

        private Builder() {
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
            return this;
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder property(String key, String value) {
            extraProperties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder properties(Map<String, String> properties) {
            properties.forEach(this::property);
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        public BrokerSettings build() {
            return new BrokerSettings(port, controllerPort, dataDir, extraProperties, startTimeout);
        }
    }
}
