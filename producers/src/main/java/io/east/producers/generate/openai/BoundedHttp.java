package io.east.producers.generate.openai;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** What the OpenAI API and the engines' admin routes share: a bounded exchange, the retry rule and body snippets. */
public final class BoundedHttp {

    private static final int SNIPPET = 300;

    private BoundedHttp() {
    }

    /**
     * Sends {@code request} and waits at most {@code timeout} for the whole answer, body included: the JDK's request
     * timeout stops counting once headers arrive, so a server that stalls mid-body would hang the caller. A wait that
     * ends without an answer cancels the exchange.
     *
     * @throws TimeoutException when no complete answer arrived within {@code timeout}
     * @throws ExecutionException when the exchange failed; its cause says how
     */
    public static HttpResponse<String> send(HttpClient client, HttpRequest request, Duration timeout)
            throws TimeoutException, ExecutionException, InterruptedException {
        CompletableFuture<HttpResponse<String>> future =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }

    /** 408, 429 and 5xx: the same request may succeed later; any other failed status will not. */
    public static boolean isRetryable(int status) {
        return status == 408 || status == 429 || status / 100 == 5;
    }

    /** A body for a message: on one line, at most 300 characters. */
    public static String snippet(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        String oneLine = body.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= SNIPPET ? oneLine : oneLine.substring(0, SNIPPET) + "...";
    }
}
