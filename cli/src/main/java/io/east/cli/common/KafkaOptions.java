package io.east.cli.common;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.kafka.clients.CommonClientConfigs;
import picocli.CommandLine.Option;

/** The Kafka connection options every Kafka-using subcommand shares (a picocli mixin). */
public final class KafkaOptions {

    public static final String BOOTSTRAP_ENV = "EAST_BOOTSTRAP";
    private static final Pattern SERVERS = Pattern.compile("[^,:\\s]+:\\d{1,5}(,[^,:\\s]+:\\d{1,5})*");

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT") private String bootstrap;
    @Option(names = "--kafka-config", paramLabel = "FILE") private Path kafkaConfig;
    @Option(names = "-X", paramLabel = "KEY=VALUE") private Map<String, String> overrides = new LinkedHashMap<>();

    public String bootstrap() {
        String value = bootstrap != null ? bootstrap : System.getenv().getOrDefault(BOOTSTRAP_ENV, "localhost:9092");
        if (!SERVERS.matcher(value).matches()) {
            throw new UsageException("--bootstrap must be HOST:PORT[,HOST:PORT...], got '" + value + "'");
        }
        return value;
    }

    /** Whether someone named a broker, by --bootstrap or EAST_BOOTSTRAP, rather than leaving the localhost default. */
    public boolean brokerNamed() {
        return bootstrap != null || System.getenv(BOOTSTRAP_ENV) != null;
    }

    /** bootstrap.servers plus the properties of --kafka-config and -X, in that order of precedence (last wins). */
    public Map<String, Object> clientProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        if (kafkaConfig != null) {
            Properties file = new Properties();
            try (Reader reader = Files.newBufferedReader(InputFiles.readable(kafkaConfig, "--kafka-config"),
                    StandardCharsets.UTF_8)) {
                file.load(reader);
            } catch (IOException e) {
                throw new UsageException("--kafka-config: cannot read " + kafkaConfig + ": " + e.getMessage());
            }
            file.forEach((key, value) -> properties.put(key.toString(), value));
        }
        properties.putAll(overrides);
        return properties;
    }
}
