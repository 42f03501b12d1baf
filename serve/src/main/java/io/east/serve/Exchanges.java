package io.east.serve;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.east.metrics.http.HttpResponses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Reading a JSON request body within limits, and writing JSON responses. */
final class Exchanges {

    private static final ObjectMapper STRICT_JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private Exchanges() {
    }

    /**
     * The body as a JSON object. Demanding {@code application/json} also keeps browsers from posting here from other
     * sites without a CORS preflight, which this server never grants.
     */
    static JsonNode jsonObject(HttpExchange exchange, int maxBytes) throws ApiError, IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String media = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json")) {
            throw ApiError.unsupportedMediaType(contentType == null ? "" : contentType);
        }
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && declaredLength(declared) > maxBytes) {
            throw ApiError.tooLarge(maxBytes);
        }
        byte[] bytes = exchange.getRequestBody().readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw ApiError.tooLarge(maxBytes);
        }
        JsonNode body;
        try {
            body = STRICT_JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ApiError.invalid(null, "the body is not valid JSON: " + e.getOriginalMessage());
        }
        if (body == null || body.isMissingNode()) {
            throw ApiError.invalid(null, "the body is empty; a JSON object is expected");
        }
        if (!body.isObject()) {
            throw ApiError.invalid(null, "the body must be a JSON object");
        }
        return body;
    }

    private static long declaredLength(String header) throws ApiError {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            throw ApiError.invalid(null, "Content-Length is not a number");
        }
    }

    static void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        HttpResponses.send(exchange, status, "application/json", body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
