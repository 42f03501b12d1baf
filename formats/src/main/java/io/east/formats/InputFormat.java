package io.east.formats;

import java.util.Locale;

/** The file formats of existing generations that the batch tools and the importer read. */
public enum InputFormat {
    /** One line per question from the Qwen2.5-Math evaluation pipeline (what the reference EAST code reads). */
    QWEN_EVAL("qwen-eval"),
    /** One line per response: our own ReasoningSample fields. */
    SAMPLES("samples");

    private final String id;

    InputFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static InputFormat parse(String text) {
        for (InputFormat format : values()) {
            if (format.id.equals(text == null ? null : text.trim().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new IllegalArgumentException("format must be qwen-eval or samples, got '" + text + "'");
    }
}
