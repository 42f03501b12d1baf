package io.east.model.torch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Whether this machine shows an NVIDIA GPU, asked of the kernel's files without loading CUDA or DJL. */
public final class NvidiaGpus {

    private static final Path FIRST_DEVICE = Path.of("/dev/nvidia0");
    /** One folder per GPU the driver has bound; the driver's other files sit beside it in /proc/driver/nvidia. */
    private static final Path DRIVER_GPUS = Path.of("/proc/driver/nvidia/gpus");

    private NvidiaGpus() {}

    /** True when the first NVIDIA device node exists or the driver lists at least one GPU. */
    public static boolean visible() {
        return visible(FIRST_DEVICE, DRIVER_GPUS);
    }

    static boolean visible(Path firstDevice, Path driverGpus) {
        if (Files.exists(firstDevice)) {
            return true;
        }
        if (!Files.isDirectory(driverGpus)) {
            return false;
        }
        try (Stream<Path> gpus = Files.list(driverGpus)) {
            return gpus.findAny().isPresent();
        } catch (IOException e) {
            return false;     // an unreadable listing shows no GPU, as a missing one does
        }
    }
}
