package io.east.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageFormatterTest {

    @TempDir
    Path dataDir;

    @Test
    void freshStorageHasNoClusterIdYet() throws Exception {
        assertThat(StorageFormatter.existingClusterId(props())).isEmpty();
    }

    @Test
    void formattingTwiceKeepsTheFirstClusterId() throws Exception {
        StorageFormatter.formatIfNeeded(props());
        Optional<String> first = StorageFormatter.existingClusterId(props());

        StorageFormatter.formatIfNeeded(props());

        assertThat(first).isPresent();
        assertThat(StorageFormatter.existingClusterId(props())).isEqualTo(first);
        assertThat(dataDir.resolve("meta.properties")).exists();
    }

    private Properties props() {
        int[] ports = FreePorts.pick(2);
        return SingleNodeProperties.of(ports[0], ports[1], dataDir, Map.of());
    }
}
