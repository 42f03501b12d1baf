package io.east.formats;

import com.fasterxml.jackson.core.JsonGenerator;
import io.east.core.batch.WeightRow;
import io.east.core.group.DiscardReason;
import io.east.core.group.GroupAnalysis;
import java.io.IOException;
import java.util.Optional;

/** The JSON line of one question task in the weights command's output, written field by field. */
public final class WeightsJson {

    private WeightsJson() {
    }

    public static void write(JsonGenerator json, WeightRow row) throws IOException {
        GroupAnalysis analysis = row.analysis();
        json.writeStartObject();
        json.writeStringField("question_id", row.group().questionId());
        json.writeStringField("task_id", row.group().taskId());
        json.writeBooleanField("kept", analysis.kept());
        json.writeStringField("discard_reason", analysis.discardReason().map(DiscardReason::code).orElse(null));
        json.writeNumberField("n", analysis.received());
        json.writeNumberField("n_expected", row.group().expected());
        json.writeNumberField("entropy", analysis.entropy());
        json.writeNumberField("accuracy", analysis.accuracy());
        json.writeNumberField("rejected_share", analysis.rejectedShare());
        json.writeNumberField("signal", row.signal());
        if (row.weight().isPresent()) {
            json.writeNumberField("weight", row.weight().get().weight());
            json.writeStringField("scope_id", row.weight().get().scopeId());
        } else {
            json.writeNullField("weight");
            json.writeNullField("scope_id");
        }
        writeIndex(json, "chosen_index", analysis.chosenIndex());
        writeIndex(json, "rejected_index", analysis.rejectedIndex());
        json.writeEndObject();
    }

    private static void writeIndex(JsonGenerator json, String field, Optional<Integer> index) throws IOException {
        if (index.isPresent()) {
            json.writeNumberField(field, index.get());
        } else {
            json.writeNullField(field);
        }
    }
}
