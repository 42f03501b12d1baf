package io.east.cli.common;

import io.east.producers.generate.djl.CheckpointRoot;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --checkpoint-root}: the only directory that checkpoints announced on east.model-versions are loaded from, since
 * whoever can write that topic chooses the path an announcement names (a picocli mixin).
 */
public final class CheckpointRootOption {

    @Option(names = "--checkpoint-root", paramLabel = "DIR",
            description = "The only directory announced checkpoints are loaded from (the trainer's --checkpoint-dir, "
                    + "or a directory above it); created when missing, so this may start before the trainer.")
    private Path checkpointRoot;

    public boolean given() {
        return checkpointRoot != null;
    }

    public CheckpointRoot root() {
        return Usage.check(() -> CheckpointRoot.createIfMissing(checkpointRoot), "--checkpoint-root: ");
    }
}
