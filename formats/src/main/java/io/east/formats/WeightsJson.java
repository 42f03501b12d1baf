package io.east.formats;

import io.east.core.batch.WeightRow;
import io.east.core.group.DiscardReason;
import io.east.core.group.GroupAnalysis;
import io.east.core.weight.NormalisedWeight;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON line of one question task in the weights command's output. */
public final class WeightsJson {

    private WeightsJson() {
    }

    public static Map<String, Object> toJson(WeightRow row) {
        GroupAnalysis analysis = row.analysis();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("question_id", row.group().questionId());
        json.put("task_id", row.group().taskId());
        json.put("kept", analysis.kept());
        json.put("discard_reason", analysis.discardReason().map(DiscardReason::code).orElse(null));
        json.put("n", analysis.received());
        json.put("n_expected", row.group().expected());
        json.put("entropy", analysis.entropy());
        json.put("accuracy", analysis.accuracy());
        json.put("rejected_share", analysis.rejectedShare());
        json.put("signal", row.signal());
        json.put("weight", row.weight().map(NormalisedWeight::weight).orElse(null));
        json.put("scope_id", row.weight().map(NormalisedWeight::scopeId).orElse(null));
        json.put("chosen_index", analysis.chosenIndex().orElse(null));
        json.put("rejected_index", analysis.rejectedIndex().orElse(null));
        return json;
    }
}
