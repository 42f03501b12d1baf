package io.east.ablation;

import io.east.eval.WilsonInterval;
import java.util.List;
import java.util.Locale;

/**
 * accuracy.svg: per config the mean greedy pass@1 over seeds (a dot), its pooled 95% Wilson interval (a whisker),
 * each seed's pass@1 (small grey dots), and the base model's pass@1 with its interval (a dashed line and band).
 */
final class AccuracyChart {

    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 50;
    private static final int BOTTOM = 90;
    private static final int SLOT = 110;
    private static final int PLOT_HEIGHT = 300;

    private AccuracyChart() {
    }

    static String render(AblationResults results) {
        List<ConfigSummary> summaries = results.summaries();
        int slots = Math.max(1, summaries.size());
        int width = LEFT + RIGHT + slots * SLOT;
        int height = TOP + PLOT_HEIGHT + BOTTOM;
        double top = yMax(results, summaries);
        Svg svg = new Svg(width, height);
        int seeds = summaries.stream().mapToInt(s -> s.runs().size()).max().orElse(0);
        svg.title("Greedy pass@1 per weighting config with 95% confidence intervals");
        svg.text(width / 2.0, 22, String.format(Locale.ROOT, "Greedy pass@1 on %d held-out questions (%s)",
                results.base().questions(), results.evalDataset()), 15, "middle", "bold");
        svg.text(width / 2.0, 40, "dot: mean over " + seeds + " seed(s); whisker: pooled 95% Wilson CI; "
                + "grey: single seeds; dashed: base model", 11, "middle", null);
        axes(svg, width, top);
        WilsonInterval base = results.base().passAt1Interval();
        double baseY = y(results.base().passAt1(), top);
        svg.rect(LEFT, y(base.high(), top), width - LEFT - RIGHT, y(base.low(), top) - y(base.high(), top),
                "#eeeeee", "none");
        svg.line(LEFT, baseY, width - RIGHT, baseY, "#555555", 1.2, "6,4");
        svg.text(width - RIGHT - 4, baseY - 5, String.format(Locale.ROOT, "base %.3f", results.base().passAt1()),
                11, "end", null);
        for (int i = 0; i < summaries.size(); i++) {
            ConfigSummary summary = summaries.get(i);
            int index = results.settings().configs().indexOf(summary.config());
            String colour = Palette.colour(index);
            double x = LEFT + SLOT * (i + 0.5);
            double low = y(summary.pooled().low(), top);
            double high = y(summary.pooled().high(), top);
            svg.line(x, low, x, high, colour, 2.5, null);
            svg.line(x - 10, low, x + 10, low, colour, 2.5, null);
            svg.line(x - 10, high, x + 10, high, colour, 2.5, null);
            List<RunResult> runs = summary.runs();
            for (int k = 0; k < runs.size(); k++) {
                double offset = runs.size() == 1 ? 0 : -18 + 36.0 * k / (runs.size() - 1);
                svg.circle(x + 22 + offset / 3, y(runs.get(k).eval().passAt1(), top), 2.5, "#777777", 0.8);
            }
            svg.circle(x, y(summary.meanPassAt1(), top), 6, colour, 1.0);
            svg.text(x, TOP + PLOT_HEIGHT + 18, summary.config().label(), 12, "middle", "bold");
            svg.text(x, TOP + PLOT_HEIGHT + 34, String.format(Locale.ROOT, "%.3f", summary.meanPassAt1()), 11,
                    "middle", null);
            svg.text(x, TOP + PLOT_HEIGHT + 48, String.format(Locale.ROOT, "[%.3f, %.3f]", summary.pooled().low(),
                    summary.pooled().high()), 10, "middle", null);
        }
        return svg.render();
    }

    private static void axes(Svg svg, int width, double top) {
        svg.line(LEFT, TOP, LEFT, TOP + PLOT_HEIGHT, "#000000", 1, null);
        svg.line(LEFT, TOP + PLOT_HEIGHT, width - RIGHT, TOP + PLOT_HEIGHT, "#000000", 1, null);
        double step = top <= 0.2 ? 0.02 : top <= 0.5 ? 0.05 : 0.1;
        for (double tick = 0; tick <= top + 1e-9; tick += step) {
            double yy = y(tick, top);
            svg.line(LEFT - 4, yy, LEFT, yy, "#000000", 1, null);
            svg.line(LEFT, yy, width - RIGHT, yy, "#f0f0f0", 1, null);
            svg.text(LEFT - 7, yy + 4, String.format(Locale.ROOT, "%.2f", tick), 10, "end", null);
        }
        svg.verticalText(20, TOP + PLOT_HEIGHT / 2.0, "pass@1 (greedy)", 12);
    }

    private static double yMax(AblationResults results, List<ConfigSummary> summaries) {
        double max = results.base().passAt1Interval().high();
        for (ConfigSummary s : summaries) {
            max = Math.max(max, s.pooled().high());
            for (RunResult r : s.runs()) {
                max = Math.max(max, r.eval().passAt1());
            }
        }
        return Math.min(1.0, Math.ceil(max * 20 + 0.5) / 20);
    }

    private static double y(double value, double top) {
        return TOP + PLOT_HEIGHT * (1 - value / top);
    }
}
