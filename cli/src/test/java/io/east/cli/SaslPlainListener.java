package io.east.cli;

import io.east.broker.BrokerSettings;
import io.east.broker.FreePorts;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * An embedded broker with a SASL/PLAIN listener for clients beside its PLAINTEXT one, which the broker's own
 * readiness check, topic setup and replication keep using; and the client properties that reach the SASL listener.
 */
final class SaslPlainListener {

    static final String USER = "alice";
    static final String PASSWORD = "alice-secret";
    private static final String HOST = "127.0.0.1";

    private final int plaintextPort;
    private final int controllerPort;
    private final int saslPort;

    private SaslPlainListener(int[] ports) {
        this.plaintextPort = ports[0];
        this.controllerPort = ports[1];
        this.saslPort = ports[2];
    }

    /** The ports are fixed now because a listener on port 0 never tells which port it got. */
    static SaslPlainListener onFreePorts() {
        return new SaslPlainListener(FreePorts.pick(3));
    }

    BrokerSettings brokerSettings() {
        return BrokerSettings.builder().port(plaintextPort).controllerPort(controllerPort)
                .property("listeners", "PLAINTEXT://" + HOST + ":" + plaintextPort + ",CONTROLLER://" + HOST + ":"
                        + controllerPort + ",SASL_PLAINTEXT://" + HOST + ":" + saslPort)
                .property("advertised.listeners", "PLAINTEXT://" + HOST + ":" + plaintextPort
                        + ",SASL_PLAINTEXT://" + HOST + ":" + saslPort)
                .property("listener.security.protocol.map",
                        "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT")
                .property("sasl.enabled.mechanisms", "PLAIN")
                // The broker's user database: user_NAME="PASSWORD" per user.
                .property("listener.name.sasl_plaintext.plain.sasl.jaas.config",
                        "org.apache.kafka.common.security.plain.PlainLoginModule required user_" + USER + "=\""
                                + PASSWORD + "\";")
                .build();
    }

    /** Only the SASL listener: a client given this cannot fall back to PLAINTEXT. */
    String bootstrapServers() {
        return HOST + ":" + saslPort;
    }

    /** What a user puts in the file given to --kafka-config. */
    static Map<String, Object> clientProperties(String user, String password) {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        props.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        props.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig(user, password));
        return props;
    }

    static String jaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** Client properties over the SASL listener on top of a test's producer or consumer config. */
    Map<String, Object> withCredentials(Map<String, Object> clientConfig, String user, String password) {
        Map<String, Object> props = new HashMap<>(clientConfig);
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.putAll(clientProperties(user, password));
        return props;
    }

    static Path writeClientConfig(Path file, String user, String password) throws IOException {
        Properties properties = new Properties();
        clientProperties(user, password).forEach((key, value) -> properties.setProperty(key, value.toString()));
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "SASL/PLAIN client of the embedded broker");
        }
        return file;
    }
}
