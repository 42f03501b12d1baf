package io.east.cli.common;

import io.east.core.batch.WeightingSettings;
import io.east.core.group.SelectionRules;
import io.east.core.weight.Scope;
import io.east.core.weight.WeightStrategy;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How question groups are weighed: {@code --strategy}, {@code --alpha}, {@code --scope}, {@code --clustering} and
 * {@code --seed} (a picocli mixin). The streams app and the batch path share them; only the default scope differs,
 * so each command gives its own.
 */
public final class WeightingOptions {

    @Option(names = "--strategy", paramLabel = "S", defaultValue = "entropy") private String strategy;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "1", converter = Converters.FiniteDouble.class)
    private double alpha;

    // No defaultValue: the initial value the command chose is the default that help shows.
    @Option(names = "--scope", paramLabel = "SCOPE") private String scope;
    @Mixin private ClusteringOption clustering;
    @Option(names = "--seed", paramLabel = "N", defaultValue = "0") private long seed;

    private WeightingOptions(String defaultScope) {
        this.scope = defaultScope;
    }

    /** The options of a command whose --scope defaults to {@code scope}. */
    public static WeightingOptions withDefaultScope(String scope) {
        return new WeightingOptions(scope);
    }

    public WeightStrategy strategy() {
        return Usage.check(() -> WeightStrategy.parse(strategy), "--strategy: ");
    }

    public Scope scope() {
        return Usage.check(() -> Scope.parse(scope), "--scope: ");
    }

    /** Every weighting setting, with the keep rules the command decided. */
    public WeightingSettings settings(SelectionRules rules) {
        WeightStrategy checkedStrategy = strategy();
        Scope checkedScope = scope();
        return Usage.check(() -> new WeightingSettings(checkedStrategy, alpha, checkedScope, clustering.clustering(),
                rules, seed), "");
    }
}
