package io.east.producers.generate.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.east.producers.generate.SamplingParams;

/** The JSON bodies of the two APIs. */
final class OpenAiRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiRequests() {
    }

    static String body(OpenAiSettings settings, String prompt, int n, SamplingParams params) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", settings.model());
        if (settings.mode() == ApiMode.CHAT) {
            ArrayNode messages = body.putArray("messages");
            messages.addObject().put("role", "user").put("content", prompt);
        } else {
            body.put("prompt", prompt);
        }
        body.put("n", n);
        body.put("temperature", params.temperature());
        body.put("top_p", params.topP());
        body.put("max_tokens", params.maxNewTokens());
        if (!params.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop");
            params.stop().forEach(stop::add);
        }
        if (settings.logprobs()) {
            // Completions want how many alternatives per token (the sampled token's own logprob always comes);
            // chat wants a flag.
            if (settings.mode() == ApiMode.CHAT) {
                body.put("logprobs", true);
            } else {
                body.put("logprobs", 1);
            }
        }
        body.put("stream", false);
        return body.toString();
    }
}
