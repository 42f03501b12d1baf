package io.east.core.weight;

/**
 * Over which questions the weights are normalised to mean 1 (docs/method.md).
 * Parsed from {@code dataset}, {@code window:K}, {@code ema:BETA} or {@code fixed:C}.
 */
public sealed interface Scope {

    int DEFAULT_WINDOW = 64;

    /** The text form that {@link #parse} reads. */
    String id();

    /** Every kept question of a file (batch only). */
    record Dataset() implements Scope {
        @Override
        public String id() {
            return "dataset";
        }
    }

    /** Tumbling windows of K kept questions, each with mean weight exactly 1. */
    record Window(int size) implements Scope {
        public Window {
            if (size < 1) {
                throw new IllegalArgumentException("window size must be >= 1, got " + size);
            }
        }

        @Override
        public String id() {
            return "window:" + size;
        }
    }

    /** Divide by an exponential moving average of s^a: no buffering, mean close to 1. */
    record Ema(double beta) implements Scope {
        public Ema {
            if (!(beta >= 0.0 && beta < 1.0)) {
                throw new IllegalArgumentException("ema beta must be in [0, 1), got " + beta);
            }
        }

        @Override
        public String id() {
            return "ema:" + beta;
        }
    }

    /** Divide by a constant typed in by hand: the reference code's form. */
    record Fixed(double constant) implements Scope {
        public Fixed {
            if (!(constant > 0.0) || Double.isInfinite(constant)) {
                throw new IllegalArgumentException("fixed constant must be a finite number > 0, got " + constant);
            }
        }

        @Override
        public String id() {
            return "fixed:" + constant;
        }
    }

    static Scope parse(String text) {
        String spec = text == null ? "" : text.trim();
        int colon = spec.indexOf(':');
        String kind = colon < 0 ? spec : spec.substring(0, colon);
        String argument = colon < 0 ? null : spec.substring(colon + 1);
        try {
            return switch (kind) {
                case "dataset" -> argument == null ? new Dataset() : fail(null);
                case "window" -> new Window(argument == null ? DEFAULT_WINDOW : Integer.parseInt(argument));
                case "ema" -> new Ema(Double.parseDouble(argument == null ? "" : argument));
                case "fixed" -> new Fixed(Double.parseDouble(argument == null ? "" : argument));
                default -> fail(null);
            };
        } catch (IllegalArgumentException e) {
            String detail = e instanceof NumberFormatException || e.getMessage() == null ? "" : ": " + e.getMessage();
            throw new IllegalArgumentException(
                    "scope must be dataset, window:K, ema:BETA or fixed:C, got '" + spec + "'" + detail, e);
        }
    }

    private static Scope fail(String message) {
        throw new IllegalArgumentException(message);
    }
}
