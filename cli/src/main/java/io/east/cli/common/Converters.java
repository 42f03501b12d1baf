package io.east.cli.common;

import picocli.CommandLine.ITypeConverter;

/** Picocli converters: a bad value becomes a one-line usage error naming the option. */
public final class Converters {

    private Converters() {
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
