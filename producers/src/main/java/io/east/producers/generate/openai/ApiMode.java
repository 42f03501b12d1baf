package io.east.producers.generate.openai;

import java.util.Locale;

/** Which endpoint a backend calls; chat sends the filled prompt template as the one user message. */
public enum ApiMode {
    COMPLETIONS("completions"),
    CHAT("chat/completions");

    private final String path;

    ApiMode(String path) {
        this.path = path;
    }

    /** The path below {@code /v1}. */
    public String path() {
        return path;
    }

    /** {@code completions} or {@code chat}. */
    public static ApiMode parse(String text) {
        return switch (text == null ? "" : text.trim().toLowerCase(Locale.ROOT)) {
            case "completions", "completion" -> COMPLETIONS;
            case "chat", "chat-completions", "chat_completions" -> CHAT;
            default -> throw new IllegalArgumentException("mode must be completions or chat, got '" + text + "'");
        };
    }
}
