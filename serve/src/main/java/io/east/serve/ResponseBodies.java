package io.east.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The JSON bodies the server answers with, in OpenAI's and SGLang's shapes. */
final class ResponseBodies {

    static final String RELOADED = "Succeeded to update model weights.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResponseBodies() {
    }

    /**
     * A completions or chat response. {@code system_fingerprint} names the weights that made it ({@code east-}
     * and the weight version), so a client can tell which checkpoint answered.
     */
    static ObjectNode sampled(SamplingRequest request, SamplingResult result, String id, long created,
            String modelName) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", id);
        root.put("object", request.api().object());
        root.put("created", created);
        root.put("model", modelName);
        root.put("system_fingerprint", "east-" + result.servedBy().weightVersion());
        ArrayNode choices = root.putArray("choices");
        for (int i = 0; i < result.choices().size(); i++) {
            SampledChoice choice = result.choices().get(i);
            ObjectNode node = choices.addObject();
            node.put("index", i);
            if (request.api() == Api.CHAT) {
                node.putObject("message").put("role", "assistant").put("content", choice.text());
            } else {
                node.put("text", choice.text());
            }
            if (!request.logprobs()) {
                node.putNull("logprobs");
            } else if (request.api() == Api.CHAT) {
                chatLogprobs(node.putObject("logprobs"), choice.tokens());
            } else {
                completionLogprobs(node.putObject("logprobs"), choice.tokens());
            }
            node.put("finish_reason", choice.finishReason());
        }
        ObjectNode usage = root.putObject("usage");
        usage.put("prompt_tokens", result.promptTokens());
        usage.put("completion_tokens", result.completionTokens());
        usage.put("total_tokens", result.promptTokens() + result.completionTokens());
        return root;
    }

    /** Completions: parallel arrays; offsets count characters from the start of the choice's text. */
    private static void completionLogprobs(ObjectNode logprobs, List<SampledChoice.TokenLogprob> tokens) {
        ArrayNode names = logprobs.putArray("tokens");
        ArrayNode values = logprobs.putArray("token_logprobs");
        ArrayNode offsets = logprobs.putArray("text_offset");
        int offset = 0;
        for (SampledChoice.TokenLogprob token : tokens) {
            names.add(token.token());
            values.add(token.logprob());
            offsets.add(offset);
            offset += token.token().length();
        }
        logprobs.putNull("top_logprobs");
    }

    /** Chat: one entry per token, with its UTF-8 bytes; no alternatives are computed, so top_logprobs is empty. */
    private static void chatLogprobs(ObjectNode logprobs, List<SampledChoice.TokenLogprob> tokens) {
        ArrayNode content = logprobs.putArray("content");
        for (SampledChoice.TokenLogprob token : tokens) {
            ObjectNode entry = content.addObject();
            entry.put("token", token.token());
            entry.put("logprob", token.logprob());
            ArrayNode bytes = entry.putArray("bytes");
            for (byte b : token.token().getBytes(StandardCharsets.UTF_8)) {
                bytes.add(b & 0xff);
            }
            entry.putArray("top_logprobs");
        }
        logprobs.putNull("refusal");
    }

    static ObjectNode models(String modelName, long created, ModelInfo served) {
        ObjectNode root = JSON.createObjectNode();
        root.put("object", "list");
        ObjectNode model = root.putArray("data").addObject();
        model.put("id", modelName);
        model.put("object", "model");
        model.put("created", created);
        model.put("owned_by", "east");
        model.put("root", served.modelPath());
        model.put("max_model_len", served.maxPositions());
        return root;
    }

    /** SGLang's /get_model_info. The tokenizer is read from the checkpoint directory, so both paths are the same. */
    static ObjectNode modelInfo(ModelInfo served) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model_path", served.modelPath());
        root.put("tokenizer_path", served.modelPath());
        root.put("is_generation", true);
        root.putNull("preferred_sampling_params");
        root.put("weight_version", served.weightVersion());
        return root;
    }

    static ObjectNode weightVersion(ModelInfo served) {
        return JSON.createObjectNode().put("weight_version", served.weightVersion());
    }

    static ObjectNode health(ModelInfo served) {
        return JSON.createObjectNode().put("status", "ok").put("model_path", served.modelPath())
                .put("weight_version", served.weightVersion());
    }

    static ObjectNode reload(boolean success, String message) {
        return JSON.createObjectNode().put("success", success).put("message", message).put("num_paused_requests", 0);
    }

    static ObjectNode error(ApiError error) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode body = root.putObject("error");
        body.put("message", error.getMessage());
        body.put("type", error.type());
        body.put("param", error.param());
        body.put("code", error.code());
        return root;
    }
}
