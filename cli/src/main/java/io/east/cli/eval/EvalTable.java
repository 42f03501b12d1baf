package io.east.cli.eval;

import io.east.eval.EvalReport;
import io.east.eval.WilsonInterval;
import java.io.PrintStream;
import java.util.Locale;

/** The eval command's stdout: a header, then one row per evaluated model version, flushed as each one is done. */
final class EvalTable {

    private final PrintStream out;
    private final int n;

    EvalTable(PrintStream out, int n) {
        this.out = out;
        this.n = n;
    }

    void header() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%13s  %9s  %6s  %-16s", "model_version",
                "questions", "pass@1", "95% CI"));
        if (n > 1) {
            line.append(String.format(Locale.ROOT, "  %6s  %-16s", "maj@" + n, "95% CI"));
        }
        out.println(line.toString().stripTrailing());
        out.flush();
    }

    void row(long version, EvalReport report) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%13d  %9d  %6.4f  %s", version,
                report.questions(), report.passAt1(), interval(report.passAt1Interval())));
        if (report.majAtN() != null) {
            line.append(String.format(Locale.ROOT, "  %6.4f  %s", report.majAtN(), interval(report.majInterval())));
        }
        out.println(line);
        out.flush();
    }

    private static String interval(WilsonInterval interval) {
        return String.format(Locale.ROOT, "[%.4f, %.4f]", interval.low(), interval.high());
    }
}
