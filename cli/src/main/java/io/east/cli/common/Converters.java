package io.east.cli.common;

import io.east.core.group.Clustering;
import io.east.core.group.SelectionRules;
import io.east.core.weight.Scope;
import io.east.core.weight.WeightStrategy;
import io.east.formats.InputFormat;
import picocli.CommandLine.ITypeConverter;

/** Picocli converters for the method's settings: a bad value becomes a one-line usage error naming the option. */
public final class Converters {

    private Converters() {
    }

    public static final class ScopeConverter implements ITypeConverter<Scope> {
        @Override
        public Scope convert(String value) {
            return Scope.parse(value);
        }
    }

    public static final class StrategyConverter implements ITypeConverter<WeightStrategy> {
        @Override
        public WeightStrategy convert(String value) {
            return WeightStrategy.parse(value);
        }
    }

    public static final class ClusteringConverter implements ITypeConverter<Clustering> {
        @Override
        public Clustering convert(String value) {
            return Clustering.parse(value);
        }
    }

    public static final class RulesConverter implements ITypeConverter<SelectionRules> {
        @Override
        public SelectionRules convert(String value) {
            return SelectionRules.parse(value);
        }
    }

    public static final class FormatConverter implements ITypeConverter<InputFormat> {
        @Override
        public InputFormat convert(String value) {
            return InputFormat.parse(value);
        }
    }

    /** A finite number; NaN and infinities are refused here so no command has to check again. */
    public static final class FiniteDouble implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double number = Double.parseDouble(value);
            if (!Double.isFinite(number)) {
                throw new IllegalArgumentException("must be a finite number, got '" + value + "'");
            }
            return number;
        }
    }
}
