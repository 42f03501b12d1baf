package io.east.ablation;

import io.east.core.batch.BatchWeighting;
import io.east.core.batch.QuestionGroup;
import io.east.core.batch.WeightRow;
import io.east.core.weight.NormalisedWeight;
import io.east.core.weight.Scope;
import io.east.schemas.WeightedExample;
import io.east.streams.WeightedExamples;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The batch path: {@link BatchWeighting} over the whole file, as {@code east weights} computes it. */
public final class BatchReplay implements Replay {

    private final LogAnalysis analysis;
    private final List<QuestionGroup> groups;

    public BatchReplay(LogAnalysis analysis) {
        this.analysis = analysis;
        this.groups = analysis.groups();
    }

    @Override
    public Map<String, WeightedExample> weigh(AblationConfig config, Scope scope) {
        List<WeightRow> rows = BatchWeighting.run(groups, analysis.settings(config, scope));
        Map<String, WeightedExample> examples = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            WeightRow row = rows.get(i);
            if (row.analysis().kept()) {
                LoggedTask task = analysis.log().tasks().get(i);
                examples.put(task.taskId(), example(task, row, config, scope));
            }
        }
        return examples;
    }

    /** The example as the streams app builds it, with the weight this path gave it. */
    private static WeightedExample example(LoggedTask task, WeightRow row, AblationConfig config, Scope scope) {
        NormalisedWeight weight = row.weight().orElseThrow();
        WeightedExample example = WeightedExamples.unweighed(task.samples().values(), row.analysis(),
                config.function(), null, Instant.EPOCH);
        example.setWeight(weight.weight());
        example.setScope(scope.id());
        example.setScopeId(weight.scopeId());
        example.setNormaliser(weight.normaliser());
        return example;
    }

    @Override
    public String describe() {
        return "batch weighting of the file (the core code of 'east weights')";
    }
}
