package io.east.ablation;

import io.east.eval.EvalReport;
import io.east.eval.QuestionOutcome;
import io.east.eval.WilsonInterval;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The difference in pass@1 between two configs, paired by question: each question's correctness is averaged over the
 * seeds of each config, the per-question differences d_q are averaged, and the 95% interval is mean(d) +- z * sd(d) /
 * sqrt(Q). Pairing removes the (large) differences between questions that both configs share, so it is the fair test
 * of "does this config answer more of the same questions"; it does not cover the spread between seeds beyond what
 * averaging over them gives.
 */
public record PairedDelta(double delta, double low, double high, int questions) {

    public static PairedDelta of(List<EvalReport> config, List<EvalReport> reference) {
        Map<String, Double> a = meanCorrect(config);
        Map<String, Double> b = meanCorrect(reference);
        double sum = 0;
        int count = 0;
        double[] differences = new double[a.size()];
        for (Map.Entry<String, Double> entry : a.entrySet()) {
            Double other = b.get(entry.getKey());
            if (other != null) {
                differences[count] = entry.getValue() - other;
                sum += differences[count];
                count++;
            }
        }
        if (count == 0) {
            return new PairedDelta(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double mean = sum / count;
        double squares = 0;
        for (int i = 0; i < count; i++) {
            squares += (differences[i] - mean) * (differences[i] - mean);
        }
        double sd = count > 1 ? Math.sqrt(squares / (count - 1)) : 0;
        double half = WilsonInterval.Z_95 * sd / Math.sqrt(count);
        return new PairedDelta(mean, mean - half, mean + half, count);
    }

    /** Whether the interval lies wholly on one side of zero. */
    public boolean excludesZero() {
        return low > 0 || high < 0;
    }

    private static Map<String, Double> meanCorrect(List<EvalReport> reports) {
        Map<String, Integer> correct = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (EvalReport report : reports) {
            for (QuestionOutcome outcome : report.outcomes()) {
                correct.merge(outcome.questionId(), outcome.greedyCorrect() ? 1 : 0, Integer::sum);
                seen.merge(outcome.questionId(), 1, Integer::sum);
            }
        }
        Map<String, Double> means = new LinkedHashMap<>();
        correct.forEach((id, c) -> means.put(id, (double) c / seen.get(id)));
        return means;
    }
}
