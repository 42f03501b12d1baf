package io.east.ablation;

import io.east.eval.EvalReport;
import io.east.schemas.WeightedExample;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * results.md: the comparison as a reader wants it: one row per config (mean pass@1 over seeds with its 95% interval,
 * the difference to uniform paired by question, the weights it trained with), a sentence on whether any difference
 * is larger than the noise, then every run, the entropy-to-weight table, and the settings and timing.
 */
final class ResultsMarkdown {

    private ResultsMarkdown() {
    }

    static String render(AblationResults results) {
        AblationSettings settings = results.settings();
        List<ConfigSummary> summaries = results.summaries();
        StringBuilder md = new StringBuilder();
        md.append("# Ablation: weighting configs replayed on one sample log\n\n");
        int total = settings.configs().size() * settings.seeds();
        if (!results.complete()) {
            md.append("**Partial results: ").append(results.runs().size()).append(" of ").append(total)
                    .append(" runs done.**\n\n");
        }
        md.append(String.format(Locale.ROOT, "Greedy pass@1 on %d held-out questions (%s) after training `%s` "
                + "on the same %d kept examples (%s, %d epoch(s), %s steps) under each config; %d seed(s) per config, "
                + "a seed being one training order shared by all configs.%n%n",
                results.base().questions(), cell(results.evalDataset()), cell(settings.init().toString()),
                results.log().examples(), settings.training().loss().name(), settings.training().epochs(),
                steps(summaries), settings.seeds()));
        summaryTable(md, results, summaries);
        md.append('\n').append(verdict(results, summaries)).append("\n\n");
        md.append("![accuracy per config](accuracy.svg)\n\n![weight versus entropy](weights.svg)\n\n");
        runsTable(md, results);
        entropyTable(md, results);
        setup(md, results);
        return md.toString();
    }

    /** The per-config table and the verdict, as results.md opens with them. */
    static String summary(AblationResults results) {
        StringBuilder md = new StringBuilder();
        List<ConfigSummary> summaries = results.summaries();
        summaryTable(md, results, summaries);
        md.append('\n').append(verdict(results, summaries)).append('\n');
        return md.toString();
    }

    private static void summaryTable(StringBuilder md, AblationResults results, List<ConfigSummary> summaries) {
        String reference = results.settings().reference().label();
        md.append("| config | scope | seeds | mean pass@1 | 95% CI (pooled Wilson) | seeds' pass@1 | ")
                .append("delta vs ").append(cell(reference)).append(" [95% CI, paired] | mean weight [min, max] | ")
                .append("final loss |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        EvalReport base = results.base();
        md.append(String.format(Locale.ROOT, "| base model (init) | - | - | %.4f | [%.4f, %.4f] | - | - | - | - |%n",
                base.passAt1(), base.passAt1Interval().low(), base.passAt1Interval().high()));
        for (ConfigSummary s : summaries) {
            ConfigWeights weights = results.weightsOf(s.config());
            WeightSummary w = weights.summary();
            String seeds = s.runs().stream().map(r -> String.format(Locale.ROOT, "%.3f", r.eval().passAt1()))
                    .collect(Collectors.joining(", "));
            String spread = s.runs().size() > 1 ? String.format(Locale.ROOT, " (sd %.3f)", s.seedSd()) : "";
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.4f | [%.4f, %.4f] | %s%s | %s | %.3f [%.3f, %.3f] "
                    + "| %.4f |%n", cell(s.config().label()), cell(weights.scope().id()), s.runs().size(),
                    s.meanPassAt1(), s.pooled().low(), s.pooled().high(), seeds, spread, delta(s.delta()), w.mean(),
                    w.min(), w.max(), s.meanFinalLoss()));
        }
    }

    private static String delta(PairedDelta delta) {
        if (delta == null) {
            return "(reference)";
        }
        if (delta.questions() == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%+.4f [%+.4f, %+.4f]", delta.delta(), delta.low(), delta.high());
    }

    /** Says which config scored highest and whether any paired difference excludes zero, without spin. */
    static String verdict(AblationResults results, List<ConfigSummary> summaries) {
        if (summaries.isEmpty()) {
            return "No run has finished yet.";
        }
        ConfigSummary best = summaries.stream().max((a, b) -> Double.compare(a.meanPassAt1(), b.meanPassAt1()))
                .orElseThrow();
        String reference = results.settings().reference().label();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Highest mean pass@1: %s (%.4f; base model %.4f).", best.config().label(), best.meanPassAt1(),
                results.base().passAt1()));
        List<ConfigSummary> compared = summaries.stream().filter(s -> s.delta() != null && s.delta().questions() > 0)
                .toList();
        if (compared.isEmpty()) {
            return text.toString();
        }
        List<String> above = compared.stream().filter(s -> s.delta().excludesZero() && s.delta().delta() > 0)
                .map(s -> s.config().label()).toList();
        List<String> below = compared.stream().filter(s -> s.delta().excludesZero() && s.delta().delta() < 0)
                .map(s -> s.config().label()).toList();
        if (above.isEmpty() && below.isEmpty()) {
            text.append(" No config's paired 95% interval for the difference to ").append(reference)
                    .append(" excludes zero: on this log, model and test set the differences between configs are "
                            + "within the noise.");
        } else {
            if (!above.isEmpty()) {
                text.append(" Above ").append(reference).append(" with a paired 95% interval excluding zero: ")
                        .append(String.join(", ", above)).append('.');
            }
            if (!below.isEmpty()) {
                text.append(" Below ").append(reference).append(" with a paired 95% interval excluding zero: ")
                        .append(String.join(", ", below)).append('.');
            }
            text.append(" With ").append(compared.size()).append(" comparisons at 95% each, about ")
                    .append(String.format(Locale.ROOT, "%.1f", compared.size() * 0.05))
                    .append(" would exclude zero by chance alone.");
        }
        return text.toString();
    }

    private static void runsTable(StringBuilder md, AblationResults results) {
        md.append("## Runs\n\n");
        md.append("| config | seed | correct / questions | pass@1 | 95% CI (Wilson) | steps | first loss | final loss "
                + "| train s | eval s |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (RunResult run : results.runs()) {
            EvalReport eval = run.eval();
            md.append(String.format(Locale.ROOT, "| %s | %d | %d / %d | %.4f | [%.4f, %.4f] | %d | %.4f | %.4f | %.1f "
                    + "| %.1f |%n", cell(run.config().label()), run.seed(), eval.passAt1Correct(), eval.questions(),
                    eval.passAt1(), eval.passAt1Interval().low(), eval.passAt1Interval().high(),
                    run.training().steps(), run.training().firstLoss(), run.training().finalLoss(),
                    seconds(run.training().elapsed()), seconds(run.evalTime())));
        }
        md.append('\n');
    }

    /** For each entropy value among the trained examples: how many, and the mean weight each config gives them. */
    private static void entropyTable(StringBuilder md, AblationResults results) {
        if (results.weights().isEmpty() || results.weights().get(0).examples().isEmpty()) {
            return;
        }
        md.append("## Weight by entropy\n\n");
        md.append("Mean weight per config of the trained examples at each entropy (bits). Entropy and uniform weights "
                + "are a function of h; accuracy- and rejected-based ones vary within an entropy value.\n\n");
        md.append("| entropy | examples |");
        results.weights().forEach(w -> md.append(' ').append(cell(w.config().label())).append(" |"));
        md.append('\n').append("|---|---|");
        results.weights().forEach(w -> md.append("---|"));
        md.append('\n');
        Map<String, Long> counts = new TreeMap<>(results.weights().get(0).examples().stream()
                .collect(Collectors.groupingBy(e -> entropyKey(e.getEntropy()), Collectors.counting())));
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            md.append("| ").append(entry.getKey()).append(" | ").append(entry.getValue()).append(" |");
            for (ConfigWeights weights : results.weights()) {
                double mean = weights.examples().stream().filter(e -> entropyKey(e.getEntropy()).equals(entry.getKey()))
                        .mapToDouble(WeightedExample::getWeight).average().orElse(Double.NaN);
                md.append(String.format(Locale.ROOT, " %.3f |", mean));
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private static String entropyKey(double entropy) {
        return String.format(Locale.ROOT, "%.3f", entropy);
    }

    private static void setup(StringBuilder md, AblationResults results) {
        AblationSettings s = results.settings();
        LogSummary log = results.log();
        TrainingPlan t = s.training();
        md.append("## Setup\n\n");
        md.append("```\n").append(s.commandLine().replace("```", "'''")).append("\n```\n\n");
        md.append("- **Sample log:** ").append(cell(log.source())).append(": ").append(log.tasks())
                .append(" question tasks, ").append(log.samples()).append(" samples");
        if (log.skipped() > 0) {
            md.append(" (").append(log.skipped()).append(" records not used)");
        }
        md.append("; kept ").append(log.kept()).append(", discarded ").append(discarded(log.discarded()))
                .append(". Trained on ").append(log.examples()).append(" kept examples");
        if (log.leftOut() > 0) {
            md.append(" (").append(log.leftOut()).append(" kept tasks left out: over --examples, held back by a "
                    + "window scope, or without a rejected response for DPO)");
        }
        md.append(".\n");
        md.append("- **Weighting:** ").append(cell(log.weighting())).append("; clustering ")
                .append(s.clustering().id()).append(", rules ").append(s.rules().id()).append(", choice seed ")
                .append(s.choiceSeed()).append(". Scopes: ");
        md.append(results.weights().stream().map(w -> w.config().label() + " " + w.scope().id()
                + (w.scope().equals(w.requestedScope()) ? "" : " (realises " + w.requestedScope().id() + ")"))
                .map(ResultsMarkdown::cell).collect(Collectors.joining("; "))).append(".\n");
        md.append(String.format(Locale.ROOT, "- **Training:** %s from `%s`, %d epoch(s) over the same examples, "
                + "batch %d, lr %s (constant after %d warm-up steps), grad clip %s%s, AdamW; a fresh seeded "
                + "permutation of the examples per epoch, seeds 0..%d, identical across configs. Per-example weighted "
                + "loss (docs/method.md).%n", t.loss().name(), cell(s.init().toString()), t.epochs(),
                t.batchSize(), t.learningRate(), t.warmup(), t.gradClip(),
                t.beta() == null ? "" : ", beta " + t.beta(), s.seeds() - 1));
        md.append(String.format(Locale.ROOT, "- **Evaluation:** greedy pass@1 (temperature 0) on the first %d "
                + "questions of %s, at most %d new tokens, the generator's prompt and grading; base model evaluated "
                + "once (greedy decoding is deterministic).%n", results.base().questions(),
                cell(results.evalDataset()), s.eval().maxNewTokens()));
        md.append("- **Intervals:** per run, the 95% Wilson interval of its pass@1. Per config, the Wilson interval of "
                + "all seeds' answers pooled: it reflects the finite test set but overstates the evidence, since "
                + "every seed answers the same questions; the seeds' spread is listed beside it. The difference to "
                + "the reference is paired by question (per-question correctness averaged over seeds, normal "
                + "interval of the mean difference).\n");
        md.append(String.format(Locale.ROOT, "- **Time:** %s in all (%d runs; mean %.1f s training and %.1f s "
                + "evaluation per run).%n", duration(results.elapsed()), results.runs().size(),
                results.runs().stream().mapToDouble(r -> seconds(r.training().elapsed())).average().orElse(0),
                results.runs().stream().mapToDouble(r -> seconds(r.evalTime())).average().orElse(0)));
    }

    private static String steps(List<ConfigSummary> summaries) {
        return summaries.isEmpty() ? "?" : String.format(Locale.ROOT, "%.0f", summaries.get(0).meanSteps());
    }

    private static String discarded(Map<String, Integer> discarded) {
        if (discarded.isEmpty()) {
            return "none";
        }
        return new TreeMap<>(discarded).entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    /** Text for a table cell or inline: pipes would end the cell, line breaks the row. */
    static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60)
                : String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }
}
