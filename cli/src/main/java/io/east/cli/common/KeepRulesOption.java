package io.east.cli.common;

import io.east.core.group.SelectionRules;
import picocli.CommandLine.Option;

/** {@code --rules}: which question groups are kept for training (a picocli mixin). */
public final class KeepRulesOption {

    @Option(names = "--rules", paramLabel = "R", defaultValue = "standard",
            description = "Keep rules: standard (at least one correct and one wrong response) | reference (also the "
                    + "reference code's string-match and boxed-answer rules) (default: ${DEFAULT-VALUE}).")
    private String rules;

    public SelectionRules rules() {
        return Usage.check(() -> SelectionRules.parse(rules), "--rules: ");
    }
}
