package io.east.producers.generate.openai;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A bearer token read from an environment variable. It never appears in {@link #toString()}, logs or exception
 * messages; only {@link #authorization()} gives it out, for the request header.
 */
public final class ApiKey {

    public static final String DEFAULT_ENV = "OPENAI_API_KEY";
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String variable;
    private final String secret;

    private ApiKey(String variable, String secret) {
        this.variable = variable;
        this.secret = secret;
    }

    /** The key in {@code variable} of {@code environment}; an unset or blank variable means no key (local servers). */
    public static ApiKey fromEnvironment(String variable, Map<String, String> environment) {
        if (variable == null || !ENV_NAME.matcher(variable).matches()) {
            throw new IllegalArgumentException("the API key variable must be an environment variable name, got '"
                    + variable + "'");
        }
        String value = environment.get(variable);
        return new ApiKey(variable, value == null || value.isBlank() ? null : value.strip());
    }

    public static ApiKey none() {
        return new ApiKey(DEFAULT_ENV, null);
    }

    public boolean present() {
        return secret != null;
    }

    /** The Authorization header value, when there is a key: for request headers only, never for logs. */
    public Optional<String> authorization() {
        return secret == null ? Optional.empty() : Optional.of("Bearer " + secret);
    }

    public String variable() {
        return variable;
    }

    @Override
    public String toString() {
        return "ApiKey[$" + variable + (present() ? ", set]" : ", unset]");
    }
}
