package io.east.model.torch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GPU probe on stand-in device and driver paths. */
class NvidiaGpusTest {

    @TempDir
    Path dir;

    @Test
    void aDeviceNodeOrADriverListingAGpuShowsOne() throws Exception {
        Path device = dir.resolve("nvidia0");
        Path gpus = dir.resolve("gpus");
        assertThat(NvidiaGpus.visible(device, gpus)).as("neither").isFalse();

        Files.createDirectories(gpus);
        assertThat(NvidiaGpus.visible(device, gpus)).as("a driver with no GPU bound").isFalse();

        Files.createDirectories(gpus.resolve("0000:01:00.0"));
        assertThat(NvidiaGpus.visible(device, gpus)).as("a driver listing a GPU").isTrue();

        Files.writeString(device, "");
        assertThat(NvidiaGpus.visible(device, dir.resolve("no-driver"))).as("a device node alone").isTrue();
    }
}
