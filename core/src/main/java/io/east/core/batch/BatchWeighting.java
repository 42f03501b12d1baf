package io.east.core.batch;

import io.east.core.group.GroupAnalysis;
import io.east.core.group.GroupAnalyzer;
import io.east.core.weight.BatchWeigher;
import io.east.core.weight.NormalisedWeight;
import io.east.core.weight.WeightFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The offline path of the method over a whole file: analyse every question task, then normalise the weights of the
 * kept ones in file order under the chosen scope.
 */
public final class BatchWeighting {

    private BatchWeighting() {
    }

    public static List<WeightRow> run(List<QuestionGroup> groups, WeightingSettings settings) {
        GroupAnalyzer analyzer = settings.analyzer();
        WeightFunction function = settings.function();
        List<GroupAnalysis> analyses = new ArrayList<>(groups.size());
        List<Double> keptPowers = new ArrayList<>();
        for (QuestionGroup group : groups) {
            GroupAnalysis analysis = analyzer.analyze(group.taskId(), group.gold(), group.answers());
            analyses.add(analysis);
            if (analysis.kept()) {
                keptPowers.add(function.power(signal(function, analysis)));
            }
        }
        List<NormalisedWeight> weights = BatchWeigher.normalise(
                keptPowers.stream().mapToDouble(Double::doubleValue).toArray(), settings.scope());
        List<WeightRow> rows = new ArrayList<>(groups.size());
        int next = 0;
        for (int i = 0; i < groups.size(); i++) {
            GroupAnalysis analysis = analyses.get(i);
            Optional<NormalisedWeight> weight = analysis.kept() ? Optional.of(weights.get(next++)) : Optional.empty();
            rows.add(new WeightRow(groups.get(i), analysis, signal(function, analysis), weight));
        }
        return rows;
    }

    private static double signal(WeightFunction function, GroupAnalysis analysis) {
        return function.signal(analysis.entropy(), analysis.accuracy(), analysis.rejectedShare());
    }
}
