package io.east.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the KRaft meta.properties a broker needs before its first start; leaves formatted storage alone. */
final class StorageFormatter {

    private static final Logger LOG = LoggerFactory.getLogger(StorageFormatter.class);

    private StorageFormatter() {
    }

    static void formatIfNeeded(Properties brokerProps) {
        formatIfNeeded(brokerProps, Optional.empty());
    }

    /** @param clusterId the id for new storage; empty picks a random one. Storage formatted before keeps its own. */
    static void formatIfNeeded(Properties brokerProps, Optional<String> clusterId) {
        Path configFile = null;
        try {
            // StorageTool reads its settings only from a file.
            configFile = Files.createTempFile("east-kraft-", ".properties");
            try (OutputStream out = Files.newOutputStream(configFile)) {
                brokerProps.store(out, "written for kafka-storage format");
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            String id = existingClusterId(brokerProps).or(() -> clusterId)
                    .orElseGet(() -> Uuid.randomUuid().toString());
            int exitCode;
            try (PrintStream printer = new PrintStream(output, true, StandardCharsets.UTF_8)) {
                // --ignore-formatted still fails when the id differs from the one already on disk.
                exitCode = StorageTool.execute(new String[] {
                    "format", "-t", id, "-c", configFile.toString(), "--ignore-formatted"}, printer);
            }
            String message = output.toString(StandardCharsets.UTF_8).strip();
            if (exitCode != 0) {
                throw new IllegalStateException("kafka-storage format failed (" + exitCode + "): " + message);
            }
            LOG.debug("kafka-storage format: {}", message);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the storage format in " + brokerProps.getProperty("log.dirs"), e);
        } finally {
            deleteQuietly(configFile);
        }
    }

    /** The cluster id of storage formatted before, so that a restart on kept data is not a new cluster. */
    static Optional<String> existingClusterId(Properties brokerProps) throws IOException {
        List<String> dirs = new ArrayList<>();
        String metadataDir = brokerProps.getProperty("metadata.log.dir");
        if (metadataDir != null) {
            dirs.add(metadataDir);
        }
        for (String dir : brokerProps.getProperty("log.dirs", "").split(",")) {
            if (!dir.isBlank()) {
                dirs.add(dir.strip());
            }
        }
        for (String dir : dirs) {
            Path metaFile = Path.of(dir, "meta.properties");
            if (Files.isRegularFile(metaFile)) {
                Properties meta = new Properties();
                try (InputStream in = Files.newInputStream(metaFile)) {
                    meta.load(in);
                }
                String clusterId = meta.getProperty("cluster.id");
                if (clusterId != null && !clusterId.isBlank()) {
                    return Optional.of(clusterId);
                }
            }
        }
        return Optional.empty();
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}", file, e);
        }
    }
}
