package io.east.cli.common;

import io.east.producers.versions.CheckpointRoot;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --checkpoint-root}: the only directory that checkpoints announced on east.model-versions are loaded from, since
 * whoever can write that topic chooses the path an announcement names (a picocli mixin).
 */
public final class CheckpointRootOption {

    @Option(names = "--checkpoint-root", paramLabel = "DIR") private Path checkpointRoot;

    public boolean given() {
        return checkpointRoot != null;
    }

    public CheckpointRoot root() {
        return Usage.check(() -> CheckpointRoot.createIfMissing(checkpointRoot), "--checkpoint-root: ");
    }
}
