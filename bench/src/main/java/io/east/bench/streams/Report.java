package io.east.bench.streams;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the bench prints its phases and the closing summary: one place for the wording and number formats. */
final class Report {

    static final Locale LOCALE = Locale.ROOT;

    private Report() {
    }

    static void cpu(PrintStream out, CpuUse before) {
        CpuUse after = CpuUse.now();
        if (before != null && after != null) {
            out.println("  phase: " + after.describeSince(before));
        }
    }

    static void perf(PrintStream out, ProducerPerfRun.Result perf) {
        line(out, "whole run", perf.total());
        if (perf.steady() != null) {
            line(out, "steady state", perf.steady());
        }
        out.printf(LOCALE, "  (a) = %,.0f records/s (%s; the higher figure, so the ratio is not flattered)%n",
                perf.reference().recordsPerSecond(), perf.reference().steadyState() ? "steady state" : "whole run");
    }

    private static void line(PrintStream out, String label, ProducerPerfRun.Summary s) {
        out.printf(LOCALE, "  %-12s %,d records, %,.0f records/s, %.1f MiB/s, latency avg %.1f ms, p50 %d ms, "
                + "p99 %d ms, max %.0f ms%n", label, s.records(), s.recordsPerSecond(), s.mbPerSecond(),
                s.avgLatencyMs(), s.p50Ms(), s.p99Ms(), s.maxLatencyMs());
    }

    static void throughput(PrintStream out, ThroughputRun.Result r, double reference) {
        out.printf(LOCALE, "  app start() to RUNNING: %.2f s (not counted)%n", r.startSeconds());
        out.printf(LOCALE, "  RUNNING to committed offsets = end of east.samples: %.2f s (offsets polled every "
                + "100 ms)%n", r.processSeconds());
        out.printf(LOCALE, "  (b) = %,d / %.2f s = %,.0f samples/s; including start-up %,.0f samples/s; "
                + "(b)/(a) = %.3f%n", r.samples(), r.processSeconds(), r.samplesPerSecond(),
                r.samples() / (r.startSeconds() + r.processSeconds()), r.samplesPerSecond() / reference);
        out.printf(LOCALE, "  once warm: %,d samples committed after the first %.0f%% in %.2f s = %,.0f samples/s "
                + "(not the headline (b); shown as (a) shows its steady state: class loading and JIT happen in the "
                + "first seconds)%n", r.steadySamples(), 100 * ThroughputRun.WARMUP_SHARE, r.steadySeconds(),
                r.steadySamplesPerSecond());
        out.printf(LOCALE, "  check: %,d WeightedExamples read back (read_committed) for %,d tasks the core "
                + "analyzer keeps: %s; new dead letters: %,d%n", r.weighted(), r.expectedKept(),
                r.weighted() == r.expectedKept() ? "equal" : "DIFFERENT", r.deadLetters());
        internals(out, r.internals());
    }

    static void internals(PrintStream out, AppInternals i) {
        out.printf(LOCALE, "  app metrics at the end: %.0f commits, commit avg %.1f ms, max %.1f ms; thread time "
                + "(recent window) process %.0f%%, commit %.0f%%, poll %.0f%%; producer retries %.0f%n",
                i.commits(), i.commitAvgMs(), i.commitMaxMs(), 100 * i.processRatio(), 100 * i.commitRatio(),
                100 * i.pollRatio(), i.producerRetries());
    }

    static void latency(PrintStream out, LatencyRun.Result r) {
        out.printf(LOCALE, "  offered %,.0f samples/s over the %,d measured tasks (target %,.0f); sender at most "
                + "%.1f ms behind its schedule%n", r.offeredPerSecond(), r.measuredTasks(), r.targetPerSecond(),
                r.maxLagMs());
        out.printf(LOCALE, "  measured kept tasks %,d, examples missing %,d, unexpected %,d, duplicates %,d; new "
                + "dead letters %,d%n", r.measuredKept(), r.missing(), r.unexpected(), r.duplicates(),
                r.deadLetters());
        out.printf(LOCALE, "  %-52s %7s %8s %8s %8s %8s%n", "latency (ms) to the example received", "count", "p50",
                "p90", "p99", "max");
        latencyLine(out, "from last sample handed to the producer", r.fromSend());
        latencyLine(out, "from last sample acknowledged (acks=all)", r.fromAck());
        for (LatencyRun.Slice slice : r.slices()) {
            latencyLine(out, String.format(LOCALE, "  of tasks offered at %d-%d s (from send)", slice.fromSecond(),
                    slice.toSecond()), slice.fromSend());
        }
        out.printf(LOCALE, "  last example received %.2f s after the last sample was sent (a backlog shows here)%n",
                r.drainSeconds());
        out.printf(LOCALE, "  commit.interval.ms = %d (as the app ran with it): read_committed readers see results "
                + "only after a commit, which bounds latency from below%n",
                r.commitIntervalMs());
        internals(out, r.internals());
    }

    private static void latencyLine(PrintStream out, String label, LatencySummary s) {
        out.printf(LOCALE, "  %-52s %,7d %8.1f %8.1f %8.1f %8.1f%n", label, s.count(), s.p50(), s.p90(), s.p99(),
                s.max());
    }

    /** The rounds side by side, and the one whose ratio is the median. */
    static void rounds(PrintStream out, List<Round> rounds) {
        out.printf(LOCALE, "%n(a) and (b) by round (JIT: cores the bench JVM's compilers kept busy in the phase)%n");
        out.printf(LOCALE, "  %-6s %16s %16s %8s %10s %10s %14s %8s%n", "round", "(a) records/s", "(b) samples/s",
                "(b)/(a)", "JIT in (a)", "JIT in (b)", "(b) commit avg", "retries");
        for (int i = 0; i < rounds.size(); i++) {
            Round r = rounds.get(i);
            AppInternals app = r.throughput().internals();
            out.printf(LOCALE, "  %-6d %,16.0f %,16.0f %8.3f %10.2f %10.2f %11.1f ms %8.0f%n", i + 1, r.a(), r.b(),
                    r.ratio(), r.jitCoresA(), r.jitCoresB(), app.commitAvgMs(), app.producerRetries());
        }
        Round median = Round.median(rounds);
        out.printf(LOCALE, "  median ratio: round %d, %.3f (ratios %s)%n", rounds.indexOf(median) + 1,
                median.ratio(), rounds.stream().map(r -> String.format(LOCALE, "%.3f", r.ratio()))
                        .collect(Collectors.joining(", ")));
    }

    static void summary(PrintStream out, List<Round> rounds, LatencyRun.Result c, CpuUse benchStart) {
        Round median = Round.median(rounds);
        double ratio = median.ratio();
        LatencySummary l = c.fromSend();
        boolean rateHeld = c.offeredPerSecond() >= 0.99 * c.targetPerSecond();
        boolean latencyMet = rateHeld && c.missing() == 0 && l.p99() < StreamsBench.P99_GOAL_MS;
        out.printf(LOCALE, "%n== summary: %d cores, Java %s, load average now %s ==%n", MachineFacts.cores(),
                MachineFacts.java(), MachineFacts.loadAverage());
        out.printf(LOCALE, "%-44s %-30s %-22s %s%n", "", "figure", "goal", "met");
        out.printf(LOCALE, "%-44s %-30s %-22s %s%n", "(a) broker: ProducerPerformance",
                String.format(LOCALE, "%,.0f records/s", median.a()), "", "");
        out.printf(LOCALE, "%-44s %-30s %-22s %s%n", "(b) streams app, exactly_once_v2",
                String.format(LOCALE, "%,.0f samples/s", median.b()), "", "");
        out.printf(LOCALE, "%-44s %-30s %-22s %s%n", "    (b)/(a)", String.format(LOCALE, "%.3f", ratio),
                String.format(LOCALE, ">= %.1f", StreamsBench.RATIO_GOAL), ratio >= StreamsBench.RATIO_GOAL ? "yes" : "NO");
        out.printf(LOCALE, "%-44s %-30s %-22s %s%n",
                String.format(LOCALE, "(c) p50 / p99 at %,.0f samples/s offered", c.offeredPerSecond()),
                String.format(LOCALE, "%.0f / %.0f ms", l.p50(), l.p99()),
                String.format(LOCALE, "p99 < %.0f ms at %,.0f/s", StreamsBench.P99_GOAL_MS, c.targetPerSecond()),
                latencyMet ? "yes" : "NO");
        out.printf(LOCALE, "(a) and (b) are those of the round with the median ratio (round %d of %d); (a) is the "
                + "higher of ProducerPerformance's whole-run and steady-state figures; (c) is measured from the last "
                + "sample handed to our producer.%n", rounds.indexOf(median) + 1, rounds.size());
        CpuUse end = CpuUse.now();
        if (benchStart != null && end != null) {
            out.println("whole bench: " + end.describeSince(benchStart));
        }
    }
}
