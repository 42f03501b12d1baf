package io.east.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Validates the bodies of {@code /v1/completions} and {@code /v1/chat/completions} into {@link SamplingRequest}s.
 *
 * <p>Read fields: model, prompt or messages, n, temperature, top_p, max_tokens (chat also max_completion_tokens),
 * stop, logprobs (chat also top_logprobs), seed, and stream, echo, best_of, suffix, penalties, logit_bias, tools,
 * response_format only to refuse what this server does not do. Other fields (user, metadata...) are ignored.
 *
 * <p>{@code model}, when given, must be the served name or the model_path being served (SGLang renames its served
 * model to the reload's path, so clients that follow it keep working). Whether a prompt fits the model is checked
 * by the sampling thread, which owns the tokenizer.
 */
record SamplingRequests(String servedName, int maxChoices) {

    static final int MAX_STOP_STRINGS = 4;
    static final int MAX_COMPLETION_LOGPROBS = 5;
    static final int MAX_CHAT_TOP_LOGPROBS = 20;
    static final double MAX_TEMPERATURE = 2;
    static final int DEFAULT_COMPLETION_MAX_TOKENS = 16;

    SamplingRequest completions(JsonNode body, ModelInfo served) throws ApiError {
        RequestFields fields = common(body, served);
        fields.requireFalse("echo", "the prompt is never echoed");
        fields.requireAbsent("suffix", "no insertion");
        JsonNode prompt = fields.node("prompt");
        if (prompt == null || prompt.isNull()) {
            throw ApiError.invalid("prompt", "prompt is required");
        }
        List<String> prompts = fields.stringOrStrings("prompt");
        if (prompts.isEmpty()) {
            throw ApiError.invalid("prompt", "prompt must not be an empty array");
        }
        int n = n(fields, prompts.size());
        if (fields.present("best_of") && fields.integer("best_of", n) != n) {
            throw ApiError.invalid("best_of", "best_of is not supported: give n instead (best_of must equal n)");
        }
        // Any count asks for the sampled tokens' log-probabilities; alternatives (top_logprobs) are not computed.
        fields.integerIn("logprobs", 0, 0, MAX_COMPLETION_LOGPROBS);
        Integer maxTokens = maxTokens(fields, "max_tokens", DEFAULT_COMPLETION_MAX_TOKENS, served);
        return new SamplingRequest(Api.COMPLETIONS, prompts, n, options(fields, maxTokens),
                fields.present("logprobs"));
    }

    SamplingRequest chat(JsonNode body, ModelInfo served) throws ApiError {
        RequestFields fields = common(body, served);
        fields.requireAbsent("tools", "no tool calls");
        fields.requireAbsent("tool_choice", "no tool calls");
        fields.requireAbsent("functions", "no function calls");
        fields.requireAbsent("function_call", "no function calls");
        if (fields.present("response_format")
                && !"text".equals(fields.node("response_format").path("type").asText())) {
            throw ApiError.invalid("response_format", "response_format is not supported beyond {\"type\": \"text\"}");
        }
        String prompt = ChatPrompt.render(fields.node("messages"));
        int n = n(fields, 1);
        boolean logprobs = fields.bool("logprobs", false);
        fields.integerIn("top_logprobs", 0, 0, MAX_CHAT_TOP_LOGPROBS);
        if (fields.present("top_logprobs") && !logprobs) {
            throw ApiError.invalid("top_logprobs", "top_logprobs needs logprobs: true");
        }
        String budgetField = fields.present("max_completion_tokens") ? "max_completion_tokens" : "max_tokens";
        if (fields.present("max_completion_tokens") && fields.present("max_tokens")
                && fields.integer("max_tokens", 0) != fields.integer("max_completion_tokens", 0)) {
            throw ApiError.invalid("max_tokens", "max_tokens and max_completion_tokens differ; give one");
        }
        Integer maxTokens = maxTokens(fields, budgetField, null, served);
        return new SamplingRequest(Api.CHAT, List.of(prompt), n, options(fields, maxTokens), logprobs);
    }

    /** The model check and the refusals shared by both APIs. */
    private RequestFields common(JsonNode body, ModelInfo served) throws ApiError {
        RequestFields fields = new RequestFields(body);
        String model = fields.string("model");
        if (model != null && !model.equals(servedName) && !model.equals(served.modelPath())) {
            throw ApiError.modelNotFound(model, servedName);
        }
        fields.requireFalse("stream", "responses come whole; send stream: false");
        fields.requireZero("presence_penalty", "no penalties");
        fields.requireZero("frequency_penalty", "no penalties");
        JsonNode logitBias = fields.node("logit_bias");
        if (fields.present("logit_bias") && !(logitBias.isObject() && logitBias.isEmpty())) {
            throw ApiError.invalid("logit_bias", "logit_bias is not supported (only an empty object)");
        }
        return fields;
    }

    private int n(RequestFields fields, int prompts) throws ApiError {
        int n = fields.integerIn("n", 1, 1, maxChoices);
        if ((long) n * prompts > maxChoices) {
            throw ApiError.invalid("n", "n x prompts is " + (long) n * prompts + ", more than the " + maxChoices
                    + " choices a request may ask for");
        }
        return n;
    }

    /** @param fallback the budget when the field is absent; null for what the positions leave */
    private static Integer maxTokens(RequestFields fields, String field, Integer fallback, ModelInfo served)
            throws ApiError {
        if (!fields.present(field)) {
            return fallback;
        }
        long value = fields.integer(field, 0);
        if (value < 1 || value > served.maxPositions()) {
            throw ApiError.invalid(field, field + " must be in [1, " + served.maxPositions()
                    + "] (the model's positions), got " + value);
        }
        return (int) value;
    }

    private static RequestSampling options(RequestFields fields, Integer maxTokens) throws ApiError {
        double temperature = fields.number("temperature", 1);
        if (temperature < 0 || temperature > MAX_TEMPERATURE) {
            throw ApiError.invalid("temperature", "temperature must be in [0, " + MAX_TEMPERATURE + "], got "
                    + temperature);
        }
        double topP = fields.number("top_p", 1);
        if (topP <= 0 || topP > 1) {
            throw ApiError.invalid("top_p", "top_p must be in (0, 1], got " + topP);
        }
        List<String> stop = fields.stringOrStrings("stop");
        if (stop.size() > MAX_STOP_STRINGS) {
            throw ApiError.invalid("stop", "stop may hold at most " + MAX_STOP_STRINGS + " strings, got "
                    + stop.size());
        }
        if (stop.stream().anyMatch(String::isEmpty)) {
            throw ApiError.invalid("stop", "a stop string must not be empty");
        }
        Long seed = fields.present("seed") ? fields.integer("seed", 0) : null;
        return new RequestSampling(temperature, topP, maxTokens, stop, seed);
    }
}
