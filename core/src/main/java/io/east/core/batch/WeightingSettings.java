package io.east.core.batch;

import io.east.core.group.Clustering;
import io.east.core.group.GroupAnalyzer;
import io.east.core.group.SelectionRules;
import io.east.core.weight.Scope;
import io.east.core.weight.WeightFunction;
import io.east.core.weight.WeightStrategy;

/** One weighting configuration: everything that decides a weight, so a replay with the same settings agrees. */
public record WeightingSettings(WeightStrategy strategy, double alpha, Scope scope, Clustering clustering,
        SelectionRules rules, long seed) {

    public WeightFunction function() {
        return new WeightFunction(strategy, alpha);
    }

    public GroupAnalyzer analyzer() {
        return new GroupAnalyzer(clustering, rules, seed);
    }
}
