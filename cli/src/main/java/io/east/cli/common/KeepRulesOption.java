package io.east.cli.common;

import io.east.core.group.SelectionRules;
import picocli.CommandLine.Option;

/** {@code --rules}: which question groups are kept for training (a picocli mixin). */
public final class KeepRulesOption {

    @Option(names = "--rules", paramLabel = "R", defaultValue = "standard") private String rules;

    public SelectionRules rules() {
        return Usage.check(() -> SelectionRules.parse(rules), "--rules: ");
    }
}
