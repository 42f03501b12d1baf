package io.east.formats;

import com.fasterxml.jackson.databind.JsonNode;

/** Lines of the grade command's input: {"prediction": ..., "gold": ...}. */
public final class GradeRequests {

    public record Request(String prediction, String gold) {
    }

    private GradeRequests() {
    }

    public static Request parse(JsonNode json) throws BadLineException {
        JsonFields fields = new JsonFields(json);
        return new Request(fields.text("prediction"), fields.text("gold"));
    }
}
