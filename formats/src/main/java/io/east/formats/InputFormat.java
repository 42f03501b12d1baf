package io.east.formats;

import io.east.core.EnumIds;
import io.east.core.SpelledEnum;

/** The file formats of existing generations that the batch tools and the importer read. */
public enum InputFormat implements SpelledEnum {
    /** One line per question from the Qwen2.5-Math evaluation pipeline (what the reference EAST code reads). */
    QWEN_EVAL,
    /** One line per response: our own ReasoningSample fields. */
    SAMPLES;

    public static InputFormat parse(String text) {
        return EnumIds.parse(InputFormat.class, "format", text);
    }
}
