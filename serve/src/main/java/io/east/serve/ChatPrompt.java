package io.east.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns chat messages into the one prompt the model continues. The template is deliberately plain, since our policy
 * is a base model that knows no chat format: the contents of the system, developer and user messages, in order,
 * joined by a blank line. The generator sends one user message holding the whole filled prompt template, so its
 * prompt reaches the model unchanged. Assistant and tool turns are refused: a multi-turn chat cannot be rendered
 * faithfully without a chat template.
 */
final class ChatPrompt {

    static final String SEPARATOR = "\n\n";
    private static final List<String> RENDERED_ROLES = List.of("system", "developer", "user");

    private ChatPrompt() {
    }

    static String render(JsonNode messages) throws ApiError {
        if (messages == null || messages.isNull()) {
            throw ApiError.invalid("messages", "messages is required");
        }
        if (!messages.isArray() || messages.isEmpty()) {
            throw ApiError.invalid("messages", "messages must be a non-empty array of {role, content}");
        }
        List<String> parts = new ArrayList<>();
        boolean user = false;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String at = "messages[" + i + "]";
            if (!message.isObject()) {
                throw ApiError.invalid(at, at + " must be an object with role and content");
            }
            JsonNode role = message.get("role");
            if (role == null || !role.isTextual()) {
                throw ApiError.invalid(at + ".role", at + ".role must be a string");
            }
            if (!RENDERED_ROLES.contains(role.asText())) {
                throw ApiError.invalid(at + ".role", at + ".role '" + role.asText() + "' is not supported: only "
                        + "system, developer and user messages (one turn) are rendered");
            }
            user |= role.asText().equals("user");
            parts.add(content(message.get("content"), at + ".content"));
        }
        if (!user) {
            throw ApiError.invalid("messages", "messages must hold at least one user message");
        }
        return String.join(SEPARATOR, parts);
    }

    /** A string, or OpenAI's array of content parts of which only {@code {"type": "text", "text": ...}} is read. */
    private static String content(JsonNode content, String field) throws ApiError {
        if (content == null || content.isNull()) {
            throw ApiError.invalid(field, field + " is required");
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (!content.isArray()) {
            throw ApiError.invalid(field, field + " must be a string or an array of text parts");
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < content.size(); i++) {
            JsonNode part = content.get(i);
            if (!part.isObject() || !"text".equals(part.path("type").asText()) || !part.path("text").isTextual()) {
                throw ApiError.invalid(field, field + "[" + i + "] must be {\"type\": \"text\", \"text\": STRING}; "
                        + "only text is supported");
            }
            text.append(part.get("text").asText());
        }
        return text.toString();
    }
}
