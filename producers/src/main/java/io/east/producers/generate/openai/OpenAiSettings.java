package io.east.producers.generate.openai;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach and use an OpenAI-compatible server. Build with {@link #builder(String, String)}.
 *
 * @param baseUrl the server's base URL as given (checked by {@link Endpoint})
 * @param model the {@code model} of every request
 * @param mode completions or chat
 * @param apiKey sent as a bearer token when present
 * @param concurrency requests in flight at once, across the tasks of a batch
 * @param retry when to retry 429, 5xx, timeouts and broken bodies
 * @param requestTimeout for one attempt, from sending until the whole body has arrived
 * @param connectTimeout for opening a connection
 * @param logprobs whether to ask for token log-probabilities (a few servers refuse the parameter)
 * @param maxChoicesPerRequest 0 for no limit; else larger n are split over several requests, for servers that
 *     reject a large n instead of capping it
 * @param policyVersion what the samples' policy_version says while the server serves the model it was started with:
 *     without weight sync that is all it ever serves, and its weights are opaque to us
 */
public record OpenAiSettings(
        String baseUrl,
        String model,
        ApiMode mode,
        ApiKey apiKey,
        int concurrency,
        RetryPolicy retry,
        Duration requestTimeout,
        Duration connectTimeout,
        boolean logprobs,
        int maxChoicesPerRequest,
        long policyVersion) {

    public static final int DEFAULT_CONCURRENCY = 4;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(5);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    public OpenAiSettings {
        Endpoint.resolve(baseUrl, Objects.requireNonNull(mode, "mode"));
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("the model name must not be empty");
        }
        Objects.requireNonNull(apiKey, "apiKey");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1, got " + concurrency);
        }
        Objects.requireNonNull(retry, "retry");
        requirePositive(requestTimeout, "request timeout");
        requirePositive(connectTimeout, "connect timeout");
        if (maxChoicesPerRequest < 0) {
            throw new IllegalArgumentException("max choices per request must be >= 0, got " + maxChoicesPerRequest);
        }
        if (policyVersion < 0) {
            throw new IllegalArgumentException("policy version must be >= 0, got " + policyVersion);
        }
    }

    /** The URL requests go to. */
    public URI apiUrl() {
        return Endpoint.resolve(baseUrl, mode);
    }

    public static Builder builder(String baseUrl, String model) {
        return new Builder(baseUrl, model);
    }

    public Builder toBuilder() {
        return new Builder(baseUrl, model).mode(mode).apiKey(apiKey).concurrency(concurrency).retry(retry)
                .requestTimeout(requestTimeout).connectTimeout(connectTimeout).logprobs(logprobs)
                .maxChoicesPerRequest(maxChoicesPerRequest).policyVersion(policyVersion);
    }

    private static void requirePositive(Duration duration, String what) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + duration);
        }
    }

    /** Defaults: completions, no key, concurrency 4, {@link RetryPolicy#DEFAULT}, 5 min / 10 s timeouts, logprobs. */
    public static final class Builder {
        private final String baseUrl;
        private final String model;
        private ApiMode mode = ApiMode.COMPLETIONS;
        private ApiKey apiKey = ApiKey.none();
        private int concurrency = DEFAULT_CONCURRENCY;
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private boolean logprobs = true;
        private int maxChoicesPerRequest;
        private long policyVersion;

        private Builder(String baseUrl, String model) {
            this.baseUrl = baseUrl;
            this.model = model;
        }

        public Builder mode(ApiMode value) {
            this.mode = value;
            return this;
        }

        public Builder apiKey(ApiKey value) {
            this.apiKey = value;
            return this;
        }

        public Builder concurrency(int value) {
            this.concurrency = value;
            return this;
        }

        public Builder retry(RetryPolicy value) {
            this.retry = value;
            return this;
        }

        public Builder requestTimeout(Duration value) {
            this.requestTimeout = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        public Builder logprobs(boolean value) {
            this.logprobs = value;
            return this;
        }

        public Builder maxChoicesPerRequest(int value) {
            this.maxChoicesPerRequest = value;
            return this;
        }

        public Builder policyVersion(long value) {
            this.policyVersion = value;
            return this;
        }

        public OpenAiSettings build() {
            return new OpenAiSettings(baseUrl, model, mode, apiKey, concurrency, retry, requestTimeout,
                    connectTimeout, logprobs, maxChoicesPerRequest, policyVersion);
        }
    }
}
