package io.east.cli.common;

import io.east.core.group.Clustering;
import picocli.CommandLine.Option;

/** {@code --clustering}: when two responses give the same answer (a picocli mixin). */
public final class ClusteringOption {

    @Option(names = "--clustering", paramLabel = "C", defaultValue = "exact") private String clustering;

    public Clustering clustering() {
        return Usage.check(() -> Clustering.parse(clustering), "--clustering: ");
    }
}
