package io.east.producers.generate.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.east.producers.generate.Generation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the choices of a completions or chat response. Per choice:
 * <ul>
 *   <li>mean_logprob: the mean of the sampled tokens' log-probabilities ({@code logprobs.token_logprobs} for
 *       completions, {@code logprobs.content[].logprob} for chat), null when the server sent none;</li>
 *   <li>token_count: the number of tokens in those logprobs; else {@code usage.completion_tokens} when there is one
 *       choice (usage sums over choices); else an estimate of one token per 4 characters.</li>
 * </ul>
 */
final class OpenAiResponses {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHARS_PER_TOKEN = 4;

    private OpenAiResponses() {
    }

    static List<Generation> generations(String body, ApiMode mode, long policyVersion)
            throws InvalidResponseException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidResponseException("the body is not complete JSON (truncated?): "
                    + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidResponseException("the body is not a JSON object");
        }
        JsonNode choices = root.get("choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            throw new InvalidResponseException("the response has no choices");
        }
        List<JsonNode> ordered = new ArrayList<>();
        choices.forEach(ordered::add);
        // Servers usually list choices by index, but nothing promises it; sampling order is not meaningful anyway.
        ordered.sort(Comparator.comparingInt(choice -> choice.path("index").asInt(0)));
        Integer usageTokens = ordered.size() == 1 ? completionTokens(root) : null;
        List<Generation> generations = new ArrayList<>(ordered.size());
        for (JsonNode choice : ordered) {
            generations.add(generation(choice, mode, usageTokens, policyVersion));
        }
        return generations;
    }

    private static Generation generation(JsonNode choice, ApiMode mode, Integer usageTokens, long policyVersion)
            throws InvalidResponseException {
        String text = text(choice, mode);
        List<JsonNode> tokens = tokenLogprobs(choice, mode);
        Double mean = mean(tokens);
        int tokenCount;
        if (tokens != null) {
            tokenCount = tokens.size();
        } else if (usageTokens != null) {
            tokenCount = usageTokens;
        } else {
            tokenCount = (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
        }
        return new Generation(text, tokenCount, mean, policyVersion);
    }

    private static String text(JsonNode choice, ApiMode mode) throws InvalidResponseException {
        JsonNode text = mode == ApiMode.CHAT ? choice.path("message").get("content") : choice.get("text");
        if (mode == ApiMode.CHAT && choice.path("message").isMissingNode()) {
            throw new InvalidResponseException("a chat choice has no message");
        }
        if (text == null || text.isNull()) {
            if (mode == ApiMode.CHAT) {
                // A chat message may legitimately have null content (e.g. a refusal); it is an empty response.
                return "";
            }
            throw new InvalidResponseException("a completion choice has no text");
        }
        if (!text.isTextual()) {
            throw new InvalidResponseException("a choice's text is not a string");
        }
        return text.asText();
    }

    /** The per-token entries whose {@code logprob}s count, or null when the server sent none. */
    private static List<JsonNode> tokenLogprobs(JsonNode choice, ApiMode mode) {
        JsonNode logprobs = choice.get("logprobs");
        if (logprobs == null || logprobs.isNull()) {
            return null;
        }
        JsonNode values = mode == ApiMode.CHAT ? logprobs.get("content") : logprobs.get("token_logprobs");
        if (values == null || !values.isArray()) {
            return null;
        }
        List<JsonNode> entries = new ArrayList<>(values.size());
        values.forEach(entries::add);
        return entries;
    }

    private static Double mean(List<JsonNode> entries) {
        if (entries == null) {
            return null;
        }
        double sum = 0;
        int count = 0;
        for (JsonNode entry : entries) {
            JsonNode value = entry.isObject() ? entry.get("logprob") : entry;
            // Completions give null for a token without a logprob (e.g. an echoed first token).
            if (value != null && value.isNumber() && Double.isFinite(value.asDouble())) {
                sum += value.asDouble();
                count++;
            }
        }
        return count == 0 ? null : sum / count;
    }

    private static Integer completionTokens(JsonNode root) {
        JsonNode tokens = root.path("usage").get("completion_tokens");
        return tokens != null && tokens.canConvertToInt() && tokens.asInt() >= 0 ? tokens.asInt() : null;
    }
}
