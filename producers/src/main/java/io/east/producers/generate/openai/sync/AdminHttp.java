package io.east.producers.generate.openai.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.east.producers.generate.openai.ApiKey;
import io.east.producers.generate.openai.BoundedHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * JSON over HTTP to a server's admin routes, for the weight syncs. Every failure becomes a {@link WeightSyncException}
 * that names the method and URL; headers (the API key) never appear in one.
 */
final class AdminHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A complete answer: its status and body. */
    record Reply(String request, int status, String body) {

        boolean ok() {
            return status / 100 == 2;
        }

        /** The body as a JSON object. */
        JsonNode object() throws WeightSyncException {
            JsonNode root;
            try {
                root = JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw WeightSyncException.retryable(request + ": the answer is not JSON: "
                        + BoundedHttp.snippet(body));
            }
            if (root == null || !root.isObject()) {
                throw WeightSyncException.retryable(request + ": the answer is not a JSON object: "
                        + BoundedHttp.snippet(body));
            }
            return root;
        }

        /** Why a non-2xx answer failed: 408, 429 and 5xx may pass, other statuses will not. */
        WeightSyncException failure(String hint) {
            String message = request + ": HTTP " + status + ": " + BoundedHttp.snippet(body)
                    + (status == 404 ? " (" + hint + ")" : "");
            return BoundedHttp.isRetryable(status) ? WeightSyncException.retryable(message)
                    : WeightSyncException.permanent(message);
        }
    }

    private final HttpClient client;
    private final ApiKey apiKey;

    AdminHttp(Duration connectTimeout, ApiKey apiKey) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.apiKey = apiKey;
    }

    Reply get(URI url, Duration timeout) throws WeightSyncException, InterruptedException {
        return send(request(url, timeout).GET().build(), "GET " + url, timeout);
    }

    Reply post(URI url, JsonNode body, Duration timeout) throws WeightSyncException, InterruptedException {
        return send(request(url, timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), "POST " + url, timeout);
    }

    static JsonNode object() {
        return JSON.createObjectNode();
    }

    private HttpRequest.Builder request(URI url, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).header("Accept", "application/json");
        apiKey.authorization().ifPresent(value -> request.header("Authorization", value));
        return request;
    }

    private Reply send(HttpRequest request, String what, Duration timeout)
            throws WeightSyncException, InterruptedException {
        try {
            HttpResponse<String> response = BoundedHttp.send(client, request, timeout);
            return new Reply(what, response.statusCode(), response.body());
        } catch (TimeoutException e) {
            throw WeightSyncException.retryable(what + ": no complete answer within " + timeout);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException) {
                throw WeightSyncException.retryable(what + ": connection failed or answer cut off: " + cause);
            }
            throw WeightSyncException.permanent(what + ": request failed: " + cause);
        }
    }
}
