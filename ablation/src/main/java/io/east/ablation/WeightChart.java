package io.east.ablation;

import io.east.core.weight.WeightFunction;
import io.east.schemas.WeightedExample;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * weights.svg: one panel per config, weight against entropy. Dots are the trained examples' actual (entropy, weight)
 * pairs (at n samples per question the entropy takes few values, so dots pile up); the line is w = s^a / normaliser
 * drawn over the range of entropies present in the log, where the weight is a function of the entropy alone
 * (entropy and uniform strategies) under one normaliser (dataset and fixed scopes). Accuracy- and rejected-based
 * weights depend on A or R, so their panels show the points only.
 */
final class WeightChart {

    private static final int COLUMNS = 3;
    private static final int PANEL_WIDTH = 300;
    private static final int PANEL_HEIGHT = 230;
    private static final int MARGIN_LEFT = 50;
    private static final int MARGIN_TOP = 40;
    private static final int MARGIN_BOTTOM = 40;
    private static final int HEADER = 40;
    private static final int CURVE_POINTS = 120;

    private WeightChart() {
    }

    static String render(List<ConfigWeights> configs, List<AblationConfig> order) {
        int rows = Math.max(1, (configs.size() + COLUMNS - 1) / COLUMNS);
        int columns = Math.max(1, Math.min(COLUMNS, configs.size()));
        int width = columns * PANEL_WIDTH + 20;
        int height = HEADER + rows * PANEL_HEIGHT + 10;
        Svg svg = new Svg(width, height);
        svg.title("Weight versus entropy for each weighting config");
        svg.text(width / 2.0, 20, "Weight vs entropy of the trained examples (dots) and w = s^a / normaliser (line)",
                14, "middle", "bold");
        double xMax = xMax(configs);
        for (int i = 0; i < configs.size(); i++) {
            int column = i % COLUMNS;
            int row = i / COLUMNS;
            panel(svg, configs.get(i), Palette.colour(order.indexOf(configs.get(i).config())),
                    10 + column * PANEL_WIDTH, HEADER + row * PANEL_HEIGHT, xMax);
        }
        return svg.render();
    }

    private static void panel(Svg svg, ConfigWeights weights, String colour, double left, double top, double xMax) {
        double x0 = left + MARGIN_LEFT;
        double y0 = top + PANEL_HEIGHT - MARGIN_BOTTOM;
        double plotWidth = PANEL_WIDTH - MARGIN_LEFT - 20;
        double plotHeight = PANEL_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM;
        List<WeightedExample> examples = weights.examples();
        double[] range = entropyRange(examples);
        Curve curve = curve(weights, range);
        double yMax = yMax(examples, curve);

        svg.text(left + PANEL_WIDTH / 2.0, top + 16, weights.config().label(), 13, "middle", "bold");
        WeightSummary summary = weights.summary();
        svg.text(left + PANEL_WIDTH / 2.0, top + 31, String.format(Locale.ROOT,
                "scope %s, mean w %.3f, range [%.2f, %.2f]", weights.scope().id(), summary.mean(), summary.min(),
                summary.max()), 10, "middle", null);
        svg.line(x0, y0, x0 + plotWidth, y0, "#000000", 1, null);
        svg.line(x0, y0, x0, y0 - plotHeight, "#000000", 1, null);
        for (int k = 0; k <= 4; k++) {
            double value = yMax * k / 4;
            double yy = y0 - plotHeight * k / 4;
            svg.line(x0 - 3, yy, x0, yy, "#000000", 1, null);
            svg.text(x0 - 5, yy + 3, String.format(Locale.ROOT, "%.2f", value), 9, "end", null);
        }
        for (int k = 0; k <= 4; k++) {
            double value = xMax * k / 4;
            double xx = x0 + plotWidth * k / 4;
            svg.line(xx, y0, xx, y0 + 3, "#000000", 1, null);
            svg.text(xx, y0 + 14, String.format(Locale.ROOT, "%.2f", value), 9, "middle", null);
        }
        // Under the axis, where it cannot collide with the subtitle or the dots.
        String axis = curve != null ? "entropy h (bits)" : "entropy h (bits); points only: " + (weights.config()
                .entropyOnly() ? "the normaliser varies" : "w depends on A or R");
        svg.text(x0 + plotWidth / 2, y0 + 30, axis, 10, "middle", null);
        svg.verticalText(left + 12, y0 - plotHeight / 2, "weight", 10);
        double yOne = y0 - plotHeight * (1 / yMax);
        svg.line(x0, yOne, x0 + plotWidth, yOne, "#cccccc", 1, "3,3");
        for (WeightedExample example : examples) {
            svg.circle(x0 + plotWidth * example.getEntropy() / xMax, y0 - plotHeight * example.getWeight() / yMax,
                    3, colour, 0.3);
        }
        if (curve != null) {
            double[] xs = new double[curve.h.length];
            double[] ys = new double[curve.h.length];
            for (int k = 0; k < xs.length; k++) {
                xs[k] = x0 + plotWidth * curve.h[k] / xMax;
                ys[k] = y0 - plotHeight * Math.min(curve.w[k], yMax) / yMax;
            }
            svg.polyline(xs, ys, colour, 2);
        }
    }

    private record Curve(double[] h, double[] w) {
    }

    private static Curve curve(ConfigWeights weights, double[] range) {
        OptionalDouble normaliser = weights.commonNormaliser();
        if (!weights.config().entropyOnly() || normaliser.isEmpty() || range == null) {
            return null;
        }
        WeightFunction function = weights.function();
        double[] h = new double[CURVE_POINTS];
        double[] w = new double[CURVE_POINTS];
        for (int k = 0; k < CURVE_POINTS; k++) {
            h[k] = range[0] + (range[1] - range[0]) * k / (CURVE_POINTS - 1);
            double power = function.power(h[k]);
            // A zero normaliser means every power was 0, and the scope then weighs everything 1.
            w[k] = normaliser.getAsDouble() == 0 ? 1 : power / normaliser.getAsDouble();
        }
        return new Curve(h, w);
    }

    private static double[] entropyRange(List<WeightedExample> examples) {
        if (examples.isEmpty()) {
            return null;
        }
        double min = examples.stream().mapToDouble(WeightedExample::getEntropy).min().orElseThrow();
        double max = examples.stream().mapToDouble(WeightedExample::getEntropy).max().orElseThrow();
        return new double[] {min, max};
    }

    private static double xMax(List<ConfigWeights> configs) {
        double max = configs.stream().flatMap(c -> c.examples().stream()).mapToDouble(WeightedExample::getEntropy)
                .max().orElse(1);
        return Math.max(0.5, Math.ceil(max * 2) / 2);
    }

    private static double yMax(List<WeightedExample> examples, Curve curve) {
        double max = examples.stream().mapToDouble(WeightedExample::getWeight).max().orElse(1);
        if (curve != null) {
            for (double w : curve.w) {
                max = Math.max(max, w);
            }
        }
        return Math.max(1.25, max * 1.1);
    }
}
