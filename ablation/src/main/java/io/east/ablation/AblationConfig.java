package io.east.ablation;

import io.east.core.weight.Scope;
import io.east.core.weight.WeightFunction;
import io.east.core.weight.WeightStrategy;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One weighting setting of an ablation, as written in {@code --configs}: {@code strategy[:a=ALPHA][:scope=SCOPE]}.
 *
 * @param alpha the exponent; 0 for uniform, whose weights never depend on it
 * @param scope empty: the run's default scope (see {@link AblationSettings#defaultScope})
 */
public record AblationConfig(WeightStrategy strategy, double alpha, Optional<Scope> scope) {

    public AblationConfig {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(scope, "scope");
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("a must be a finite number, got " + alpha);
        }
        if (strategy == WeightStrategy.UNIFORM && alpha != 0) {
            throw new IllegalArgumentException("uniform takes no a: every kept question weighs 1");
        }
    }

    /** The strategy's weight function with this config's exponent. */
    public WeightFunction function() {
        return new WeightFunction(strategy, alpha);
    }

    /** The canonical text: what tables, files and logs call this config, e.g. {@code entropy:a=2}. */
    public String label() {
        StringBuilder text = new StringBuilder(strategy.id());
        if (strategy != WeightStrategy.UNIFORM) {
            text.append(":a=").append(number(alpha));
        }
        scope.ifPresent(s -> text.append(":scope=").append(s.id()));
        return text.toString();
    }

    /** A name that is safe in file names and Kafka experiment names, e.g. {@code entropy-a-1} for a = -1. */
    public String slug() {
        return label().replace(":scope=", "-").replace(":a=", "-a").replace(':', '-').replace('.', 'p')
                .replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** Whether weights depend on the entropy alone, so that the curve w(h) describes them. */
    public boolean entropyOnly() {
        return strategy == WeightStrategy.ENTROPY || strategy == WeightStrategy.UNIFORM || alpha == 0;
    }

    /** 1, 0.5, -1 rather than 1.0, 0.5, -1.0. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }
}
