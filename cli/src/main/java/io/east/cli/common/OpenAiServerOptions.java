package io.east.cli.common;

import io.east.producers.generate.openai.ApiKey;
import io.east.producers.generate.openai.ApiMode;
import io.east.producers.generate.openai.Endpoint;
import io.east.producers.generate.openai.OpenAiSettings;
import io.east.producers.generate.openai.RetryPolicy;
import picocli.CommandLine.Option;

/**
 * How to reach and use an OpenAI-compatible server (a picocli mixin of generate and eval). {@code --model}, the served
 * model's name, belongs to each command: eval's {@code --model} names a checkpoint with the djl backend.
 */
public final class OpenAiServerOptions {

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "openai: the server's base URL, e.g. http://localhost:8000 or http://localhost:8000/v1.")
    private String endpoint;

    @Option(names = "--mode", paramLabel = "completions|chat", defaultValue = "completions",
            description = "openai: /v1/completions, or /v1/chat/completions with the filled template as the user "
                    + "message (default: ${DEFAULT-VALUE}).")
    private String mode;

    @Option(names = "--api-key-env", paramLabel = "VAR", defaultValue = ApiKey.DEFAULT_ENV,
            description = "openai: the environment variable holding the API key, sent as a bearer token; unset "
                    + "means no key (default: ${DEFAULT-VALUE}).")
    private String apiKeyEnv;

    @Option(names = "--concurrency", paramLabel = "C", defaultValue = "4",
            description = "openai: requests in flight at once (default: ${DEFAULT-VALUE}).")
    private int concurrency;

    @Option(names = "--max-retries", paramLabel = "R", defaultValue = "5",
            description = "openai: retries of a request after 429, 5xx, timeouts or a broken body, with "
                    + "exponential backoff and jitter; then the task fails (default: ${DEFAULT-VALUE}).")
    private int maxRetries;

    @Option(names = "--request-timeout", paramLabel = "D", defaultValue = "5m",
            description = "openai: limit for one request, whole body included (default: ${DEFAULT-VALUE}).")
    private String requestTimeout;

    @Option(names = "--connect-timeout", paramLabel = "D", defaultValue = "10s",
            description = "openai: limit for opening a connection (default: ${DEFAULT-VALUE}).")
    private String connectTimeout;

    @Option(names = "--no-logprobs",
            description = "openai: do not ask for token logprobs (for servers that refuse the parameter); "
                    + "mean_logprob is then null.")
    private boolean noLogprobs;

    @Option(names = "--max-n-per-request", paramLabel = "K", defaultValue = "0",
            description = "openai: split larger n over several requests, for servers that reject a large n; "
                    + "0 = no limit (default: ${DEFAULT-VALUE}).")
    private int maxNPerRequest;

    @Option(names = "--policy-version", paramLabel = "V", defaultValue = "0",
            description = "openai: the policy_version of the model the server was started with: what samples carry "
                    + "without --weight-sync, and until the first sync with it (default: ${DEFAULT-VALUE} = base or "
                    + "unknown).")
    private long policyVersion;

    /** Whether {@code --endpoint} was given. */
    public boolean given() {
        return endpoint != null;
    }

    /**
     * The settings for serving model {@code model}; {@code backendFlag} names the option that chose this backend in
     * messages, e.g. {@code --backend openai}.
     */
    public OpenAiSettings settings(String model, String backendFlag) {
        if (endpoint == null) {
            throw new UsageException(backendFlag + " needs --endpoint URL");
        }
        if (model == null || model.isBlank()) {
            throw new UsageException(backendFlag + " needs --model NAME");
        }
        ApiMode apiMode = Usage.check(() -> ApiMode.parse(mode), "--mode: ");
        Usage.check(() -> Endpoint.resolve(endpoint, apiMode), "--endpoint: ");
        Usage.atLeast(concurrency, 1, "--concurrency");
        Usage.atLeast(maxRetries, 0, "--max-retries");
        Usage.atLeast(maxNPerRequest, 0, "--max-n-per-request");
        Usage.atLeast(policyVersion, 0, "--policy-version");
        ApiKey apiKey = Usage.check(() -> ApiKey.fromEnvironment(apiKeyEnv, System.getenv()), "--api-key-env: ");
        RetryPolicy retry = Usage.check(() -> RetryPolicy.DEFAULT.withMaxRetries(maxRetries), "--max-retries: ");
        OpenAiSettings.Builder builder = OpenAiSettings.builder(endpoint, model)
                .mode(apiMode)
                .apiKey(apiKey)
                .concurrency(concurrency)
                .retry(retry)
                .requestTimeout(Durations.parse(requestTimeout, "--request-timeout"))
                .connectTimeout(Durations.parse(connectTimeout, "--connect-timeout"))
                .logprobs(!noLogprobs)
                .maxChoicesPerRequest(maxNPerRequest)
                .policyVersion(policyVersion);
        return Usage.check(builder::build, "");
    }
}
