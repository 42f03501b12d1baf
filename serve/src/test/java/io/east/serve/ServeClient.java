package io.east.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for the tests: JSON in, status and JSON out, over a real socket. */
final class ServeClient {

    /** A response: its status and body (null when the body is not JSON). */
    record Reply(int status, JsonNode body, String text) {
        JsonNode error() {
            return body.path("error");
        }

        String firstText() {
            JsonNode choice = body.path("choices").path(0);
            return choice.has("message") ? choice.path("message").path("content").asText() : choice.path("text").asText();
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    ServeClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Reply post(String path, String body) {
        return post(path, body, "application/json");
    }

    Reply post(String path, String body, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT).GET().build());
    }

    /** A body built from alternating keys and values (strings, numbers, booleans, lists, or JSON via {@link Raw}). */
    static String json(Object... keysAndValues) {
        var root = JSON.createObjectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            root.set((String) keysAndValues[i], value instanceof Raw raw ? parse(raw.json()) : JSON.valueToTree(value));
        }
        return root.toString();
    }

    /** A value given as JSON text. */
    record Raw(String json) {
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = JSON.readTree(response.body());
            } catch (IOException e) {
                body = null;
            }
            return new Reply(response.statusCode(), body, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
