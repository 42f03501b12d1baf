package io.east.ablation;

import io.east.core.batch.BatchWeighting;
import io.east.core.batch.QuestionGroup;
import io.east.core.batch.WeightRow;
import io.east.core.batch.WeightingSettings;
import io.east.core.group.Clustering;
import io.east.core.group.SelectionRules;
import io.east.core.weight.Scope;
import io.east.core.weight.WeightStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The part of the method that no config changes: clusters, entropy, the keep rules and the seeded choice of chosen
 * and rejected responses, over the whole log. Which tasks are kept therefore never depends on the weighting, which is
 * what lets every config train on the same examples.
 *
 * @param kept the kept tasks in log order
 * @param discarded discarded tasks by reason code
 */
public record LogAnalysis(SampleLog log, List<KeptTask> kept, Map<String, Integer> discarded, Clustering clustering,
        SelectionRules rules, long choiceSeed) {

    public LogAnalysis {
        kept = List.copyOf(kept);
        discarded = Map.copyOf(discarded);
    }

    public static LogAnalysis of(SampleLog log, Clustering clustering, SelectionRules rules, long choiceSeed) {
        List<QuestionGroup> groups = log.tasks().stream().map(LoggedTask::group).toList();
        List<WeightRow> rows = BatchWeighting.run(groups, new WeightingSettings(WeightStrategy.UNIFORM, 0,
                new Scope.Dataset(), clustering, rules, choiceSeed));
        List<KeptTask> kept = new ArrayList<>();
        Map<String, Integer> discarded = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            WeightRow row = rows.get(i);
            if (row.analysis().kept()) {
                kept.add(new KeptTask(log.tasks().get(i), row.analysis()));
            } else {
                discarded.merge(row.analysis().discardReason().orElseThrow().code(), 1, Integer::sum);
            }
        }
        return new LogAnalysis(log, kept, discarded, clustering, rules, choiceSeed);
    }

    /** The settings a config weighs with: its strategy, a and scope, and the shared clustering, rules and seed. */
    public WeightingSettings settings(AblationConfig config, Scope scope) {
        return new WeightingSettings(config.strategy(), config.alpha(), scope, clustering, rules, choiceSeed);
    }

    /** The entropy of every kept task, in log order. */
    public double[] entropies() {
        return kept.stream().mapToDouble(k -> k.analysis().entropy()).toArray();
    }

    public List<QuestionGroup> groups() {
        return log.tasks().stream().map(LoggedTask::group).toList();
    }
}
