package io.east.cli;

import io.east.testkit.EmbeddedKafkaExtension;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** An {@code east generate} worker process on a test broker, one task per batch, that a test may kill mid-task. */
final class GenerateWorker {

    private GenerateWorker() {
    }

    /** Starts a worker with these backend options ({@code --backend ...}) as {@code workerId} in {@code group}. */
    static EastProcess start(EmbeddedKafkaExtension kafka, String workerId, String group, String... backend)
            throws IOException {
        List<String> args = new ArrayList<>(List.of("generate"));
        args.addAll(List.of(backend));
        args.addAll(List.of("--batch", "1", "--worker-id", workerId, "--group", group,
                "--bootstrap", kafka.bootstrapServers(),
                // The killed member would hold its partitions until its session expires: 6 s is the broker's minimum.
                "-X", "session.timeout.ms=6000", "-X", "heartbeat.interval.ms=1000"));
        return EastProcess.start("generate-" + workerId, List.of("-Xmx256m"), args.toArray(String[]::new));
    }
}
