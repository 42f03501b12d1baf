package io.east.serve;

/** The two sampling APIs: what their responses are called and which field holds the prompt. */
enum Api {
    COMPLETIONS("text_completion", "cmpl-", "prompt"),
    CHAT("chat.completion", "chatcmpl-", "messages");

    private final String object;
    private final String idPrefix;
    private final String promptField;

    Api(String object, String idPrefix, String promptField) {
        this.object = object;
        this.idPrefix = idPrefix;
        this.promptField = promptField;
    }

    /** The response's {@code object}. */
    String object() {
        return object;
    }

    String idPrefix() {
        return idPrefix;
    }

    /** The request field an error about the prompt names. */
    String promptField() {
        return promptField;
    }
}
