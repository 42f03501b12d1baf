package io.east.producers.generate.openai;

import io.east.producers.generate.Generation;
import io.east.producers.generate.GenerationException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs one request body with bounded concurrency and retries: on 408, 429 and 5xx, on connect and read timeouts,
 * on broken connections and on 2xx bodies that are truncated or lack choices. Other statuses (a 400 for a bad
 * parameter, a 401 for a missing key) fail at once: repeating them cannot help. Headers are never logged, so the
 * API key cannot leak into logs.
 */
final class OpenAiTransport {

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiTransport.class);

    private final HttpClient client;
    private final OpenAiSettings settings;
    private final URI url;
    private final Semaphore permits;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final Clock clock;

    OpenAiTransport(HttpClient client, OpenAiSettings settings, Sleeper sleeper, DoubleSupplier random, Clock clock) {
        this.client = client;
        this.settings = settings;
        this.url = settings.apiUrl();
        this.permits = new Semaphore(settings.concurrency(), true);
        this.sleeper = sleeper;
        this.random = random;
        this.clock = clock;
    }

    URI url() {
        return url;
    }

    /**
     * The generations of one response, after as many attempts as the retry policy allows.
     *
     * @param policyVersion what the generations carry: the version the server serves during this call
     */
    List<Generation> post(String body, long policyVersion) throws GenerationException, InterruptedException {
        RetryPolicy policy = settings.retry();
        Failure last = null;
        for (int attempt = 0; attempt <= policy.maxRetries(); attempt++) {
            if (attempt > 0) {
                Duration delay = policy.delay(attempt - 1, last.retryAfter(), random);
                LOG.atWarn().addKeyValue("url", url).addKeyValue("attempt", attempt + 1)
                        .addKeyValue("of", policy.maxRetries() + 1).addKeyValue("delay_ms", delay.toMillis())
                        .addKeyValue("cause", last.message())
                        .log("request to {} failed, retrying", url);
                sleeper.sleep(delay);
            }
            Attempt result = attempt(body, policyVersion);
            if (result.generations() != null) {
                return result.generations();
            }
            last = result.failure();
            if (!last.retryable()) {
                throw new GenerationException("POST " + url + " failed: " + last.message());
            }
        }
        throw new GenerationException("POST " + url + " failed after " + (policy.maxRetries() + 1)
                + " attempts; last: " + last.message());
    }

    private Attempt attempt(String body, long policyVersion) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        settings.apiKey().authorization().ifPresent(value -> request.header("Authorization", value));
        HttpResponse<String> response;
        permits.acquire();
        try {
            response = send(request.build());
        } catch (AttemptFailed e) {
            return new Attempt(null, e.failure);
        } finally {
            permits.release();
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            try {
                return new Attempt(OpenAiResponses.generations(response.body(), settings.mode(), policyVersion),
                        null);
            } catch (InvalidResponseException e) {
                return new Attempt(null, Failure.retryable("HTTP " + status + " with " + e.getMessage()));
            }
        }
        String message = "HTTP " + status + ": " + BoundedHttp.snippet(response.body());
        if (BoundedHttp.isRetryable(status)) {
            Optional<Duration> retryAfter = RetryPolicy.parseRetryAfter(
                    response.headers().firstValue("Retry-After").orElse(null), clock.instant());
            return new Attempt(null, new Failure(true, message, retryAfter));
        }
        return new Attempt(null, new Failure(false, message, Optional.empty()));
    }

    private HttpResponse<String> send(HttpRequest request) throws AttemptFailed, InterruptedException {
        try {
            return BoundedHttp.send(client, request, settings.requestTimeout());
        } catch (TimeoutException e) {
            throw new AttemptFailed(Failure.retryable("no complete response within " + settings.requestTimeout()));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw new AttemptFailed(Failure.retryable("timed out: " + cause.getMessage()));
            }
            if (cause instanceof IOException) {
                throw new AttemptFailed(Failure.retryable("connection failed or response cut off: " + cause));
            }
            throw new AttemptFailed(new Failure(false, "request failed: " + cause, Optional.empty()));
        }
    }

    private record Failure(boolean retryable, String message, Optional<Duration> retryAfter) {
        static Failure retryable(String message) {
            return new Failure(true, message, Optional.empty());
        }
    }

    private record Attempt(List<Generation> generations, Failure failure) {
    }

    private static final class AttemptFailed extends Exception {
        private final transient Failure failure;

        AttemptFailed(Failure failure) {
            super(failure.message(), null, false, false);
            this.failure = failure;
        }
    }
}
