package io.east.ablation;

import io.east.core.weight.Scope;
import io.east.core.weight.WeightStrategy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code --configs}: configs separated by {@code ;}, each {@code strategy[:a=ALPHA][:scope=SCOPE]}, e.g.
 * {@code "uniform; entropy:a=1; entropy:a=-1; accuracy:a=1; rejected:a=1; entropy:a=1:scope=window:64"}. A scope
 * keeps its own colons ({@code window:64}). Without {@code a}, entropy, accuracy and rejected take a = 1 (the paper's
 * scripts); uniform takes none. Errors name the config and say what was expected.
 */
public final class AblationConfigs {

    public static final String GRAMMAR = "strategy[:a=ALPHA][:scope=SCOPE], separated by ';' "
            + "(strategy: uniform, entropy, accuracy, rejected; SCOPE: dataset, window:K, ema:BETA, fixed:C)";
    public static final String PAPER = "uniform; entropy:a=1; entropy:a=2; entropy:a=-1; accuracy:a=1; rejected:a=1";

    private AblationConfigs() {
    }

    /** @throws IllegalArgumentException with a one-line reason */
    public static List<AblationConfig> parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("--configs is empty; expected " + GRAMMAR);
        }
        List<AblationConfig> configs = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        for (String part : text.split(";", -1)) {
            String entry = part.trim();
            if (entry.isEmpty()) {
                throw new IllegalArgumentException("--configs has an empty entry in '" + text.trim()
                        + "'; expected " + GRAMMAR);
            }
            AblationConfig config = one(entry);
            if (!labels.add(config.label())) {
                throw new IllegalArgumentException("--configs names " + config.label() + " twice");
            }
            configs.add(config);
        }
        return List.copyOf(configs);
    }

    static AblationConfig one(String entry) {
        List<String> fields = fields(entry);
        WeightStrategy strategy;
        try {
            strategy = WeightStrategy.parse(fields.get(0));
        } catch (IllegalArgumentException e) {
            throw invalid(entry, e.getMessage());
        }
        Double alpha = null;
        Scope scope = null;
        for (String field : fields.subList(1, fields.size())) {
            int equals = field.indexOf('=');
            String key = equals < 0 ? field : field.substring(0, equals).trim();
            String value = equals < 0 ? "" : field.substring(equals + 1).trim();
            switch (key) {
                case "a" -> {
                    if (alpha != null) {
                        throw invalid(entry, "a is given twice");
                    }
                    alpha = alpha(entry, value);
                }
                case "scope" -> {
                    if (scope != null) {
                        throw invalid(entry, "scope is given twice");
                    }
                    try {
                        scope = Scope.parse(value);
                    } catch (IllegalArgumentException e) {
                        throw invalid(entry, e.getMessage());
                    }
                }
                default -> throw invalid(entry, "unknown field '" + field + "': only a=ALPHA and scope=SCOPE");
            }
        }
        if (strategy == WeightStrategy.UNIFORM && alpha != null) {
            throw invalid(entry, "uniform takes no a: every kept question weighs 1");
        }
        double exponent = alpha != null ? alpha : strategy == WeightStrategy.UNIFORM ? 0 : 1;
        return new AblationConfig(strategy, exponent, Optional.ofNullable(scope));
    }

    /** Splits at colons, then glues a piece without '=' to the one before it: the argument of a scope. */
    private static List<String> fields(String entry) {
        String[] pieces = entry.split(":", -1);
        List<String> fields = new ArrayList<>();
        fields.add(pieces[0].trim());
        for (int i = 1; i < pieces.length; i++) {
            String piece = pieces[i].trim();
            if (!piece.contains("=") && fields.size() > 1 && fields.get(fields.size() - 1).startsWith("scope=")) {
                fields.set(fields.size() - 1, fields.get(fields.size() - 1) + ":" + piece);
            } else {
                fields.add(piece);
            }
        }
        return fields;
    }

    private static double alpha(String entry, String value) {
        try {
            double alpha = Double.parseDouble(value);
            if (Double.isFinite(alpha)) {
                return alpha;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw invalid(entry, "a must be a finite number, got '" + value + "'");
    }

    private static IllegalArgumentException invalid(String entry, String reason) {
        return new IllegalArgumentException("--configs: '" + entry + "': " + reason + "; expected " + GRAMMAR);
    }
}
