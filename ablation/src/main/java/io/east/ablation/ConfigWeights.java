package io.east.ablation;

import io.east.core.weight.Scope;
import io.east.core.weight.WeightFunction;
import io.east.schemas.WeightedExample;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What one config's replay gave the example set: its examples in set order, and the scope that made them.
 *
 * @param scope the scope the weights were normalised under (for a topic's default, the fixed:C that realised dataset)
 * @param requestedScope the scope the config asked for, or the default
 */
public record ConfigWeights(AblationConfig config, Scope requestedScope, Scope scope,
        List<WeightedExample> examples) {

    public ConfigWeights {
        examples = List.copyOf(examples);
    }

    public WeightSummary summary() {
        return WeightSummary.of(examples.stream().mapToDouble(WeightedExample::getWeight).toArray());
    }

    public WeightFunction function() {
        return config.function();
    }

    /** The normaliser when every example shares one (dataset and fixed scopes), else empty (windows, ema). */
    public OptionalDouble commonNormaliser() {
        double first = examples.isEmpty() ? Double.NaN : examples.get(0).getNormaliser();
        boolean shared = !examples.isEmpty()
                && examples.stream().allMatch(e -> Double.compare(e.getNormaliser(), first) == 0);
        return shared ? OptionalDouble.of(first) : OptionalDouble.empty();
    }
}
