package io.east.cli.demo;

import io.east.bench.Median;
import io.east.cli.common.SamplingBackend;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The demo's progress lines while it runs and its summary table at the end. */
final class DemoReport {

    private static final Logger LOG = LoggerFactory.getLogger(DemoReport.class);

    private DemoReport() {
    }

    static void progress(Duration elapsed, DemoTally.Snapshot now) {
        String accuracy = now.accuracy().isEmpty() ? "-"
                : String.format(Locale.ROOT, "v%d %.1f%%", last(now).version(), 100 * last(now).passAt1());
        LOG.atInfo()
                .addKeyValue("elapsed", elapsed.toSeconds() + "s")
                .addKeyValue("samples", now.samples())
                .addKeyValue("groups_kept", now.kept())
                .addKeyValue("groups_discarded", now.discarded().values().stream().mapToLong(Long::longValue).sum())
                .addKeyValue("steps", now.steps())
                .addKeyValue("model_versions", now.versions().size())
                .addKeyValue("latest_accuracy", accuracy)
                .log("demo progress");
    }

    private static DemoTally.Accuracy last(DemoTally.Snapshot now) {
        return now.accuracy().get(now.accuracy().size() - 1);
    }

    static void summary(PrintStream out, DemoSettings settings, SamplingBackend backend, DemoTally.Snapshot end) {
        out.println();
        out.printf(Locale.ROOT, "EAST demo: %d min of online self-training on the synthetic task (seed %d, "
                + "generate --backend %s)%n", settings.duration().toMinutes(), settings.seed(), backend.id());
        out.println();
        out.printf(Locale.ROOT, "| %-22s | %10s | %17s | %9s |%n", "model", "questions", "pass@1 (95% CI)", "");
        out.println("|------------------------|------------|-------------------|-----------|");
        for (DemoTally.Accuracy accuracy : end.accuracy()) {
            out.printf(Locale.ROOT, "| %-22s | %10d | %5.1f%% [%4.1f, %4.1f] | %9s |%n",
                    accuracy.version() == 0 ? "base (version 0)" : "version " + accuracy.version(),
                    accuracy.questions(), 100 * accuracy.passAt1(), 100 * accuracy.low(), 100 * accuracy.high(),
                    delta(end, accuracy));
        }
        if (end.accuracy().isEmpty()) {
            out.println("| (no version was evaluated in time)                                    |");
        }
        out.println();
        long discarded = end.discarded().values().stream().mapToLong(Long::longValue).sum();
        out.printf(Locale.ROOT, "samples generated      %d (by policy version: %s)%n", end.samples(),
                compact(end.samplesByPolicy()));
        out.printf(Locale.ROOT, "groups kept            %d%n", end.kept());
        out.printf(Locale.ROOT, "groups discarded       %d %s%n", discarded, end.discarded());
        out.printf(Locale.ROOT, "mean entropy (bits)    %.3f over all groups, %.3f over kept groups%n",
                end.meanEntropy(), end.meanEntropyKept());
        out.printf(Locale.ROOT, "examples trained       %d in %d steps, %d model versions after the base%n",
                end.examplesTrained(), end.steps(), Math.max(0, end.versions().size() - 1));
        if (!end.switchMillis().isEmpty()) {
            Collection<Long> millis = end.switchMillis().values();
            out.printf(Locale.ROOT, "version switch         %.1f s median, %.1f s max from a version's announcement to "
                    + "its first committed sample (%d versions; includes the batch in progress)%n",
                    Median.of(millis) / 1000.0, Collections.max(millis) / 1000.0, millis.size());
        }
        out.println();
    }

    private static String delta(DemoTally.Snapshot end, DemoTally.Accuracy accuracy) {
        DemoTally.Accuracy base = end.accuracy().get(0);
        if (accuracy == base) {
            return "";
        }
        return String.format(Locale.ROOT, "%+.1f pts", 100 * (accuracy.passAt1() - base.passAt1()));
    }

    private static String compact(Map<Long, Long> byPolicy) {
        StringBuilder text = new StringBuilder();
        new java.util.TreeMap<>(byPolicy).forEach((version, count) ->
                text.append(text.length() == 0 ? "" : ", ").append('v').append(version).append('=').append(count));
        return text.toString();
    }
}
