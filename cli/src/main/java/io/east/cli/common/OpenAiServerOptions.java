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

    @Option(names = "--endpoint", paramLabel = "URL") private String endpoint;
    @Option(names = "--mode", paramLabel = "completions|chat", defaultValue = "completions") private String mode;
    @Option(names = "--api-key-env", paramLabel = "VAR", defaultValue = ApiKey.DEFAULT_ENV) private String apiKeyEnv;
    @Option(names = "--concurrency", paramLabel = "C", defaultValue = "4") private int concurrency;
    @Option(names = "--max-retries", paramLabel = "R", defaultValue = "5") private int maxRetries;
    @Option(names = "--request-timeout", paramLabel = "D", defaultValue = "5m") private String requestTimeout;
    @Option(names = "--connect-timeout", paramLabel = "D", defaultValue = "10s") private String connectTimeout;
    @Option(names = "--no-logprobs") private boolean noLogprobs;
    @Option(names = "--max-n-per-request", paramLabel = "K", defaultValue = "0") private int maxNPerRequest;
    @Option(names = "--policy-version", paramLabel = "V", defaultValue = "0") private long policyVersion;

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
