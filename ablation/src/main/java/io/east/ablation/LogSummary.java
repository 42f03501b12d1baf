package io.east.ablation;

import java.util.Map;

/**
 * The sample log an ablation replayed, for the report.
 *
 * @param skipped records or lines read but not used (malformed, inconsistent, repeated, undecodable)
 * @param examples kept tasks every config trains on
 * @param leftOut kept tasks not trained on (see {@link ExampleSet})
 * @param weighting how the weights were made: the batch path or the streams app
 */
public record LogSummary(String source, int tasks, long samples, long skipped, int kept,
        Map<String, Integer> discarded, int examples, int leftOut, String weighting) {

    public LogSummary {
        discarded = Map.copyOf(discarded);
    }

    static LogSummary of(LogAnalysis analysis, ExampleSet set, String weighting) {
        SampleLog log = analysis.log();
        return new LogSummary(log.source(), log.tasks().size(), log.samples(), log.skipped(), analysis.kept().size(),
                analysis.discarded(), set.size(), set.leftOut(), weighting);
    }
}
