package io.east.cli.common;

import java.util.Locale;

/** What samples the policy: DJL in the process itself, or an OpenAI-compatible server (vLLM, SGLang, east serve). */
public enum SamplingBackend {
    /** {@code --backend djl}: the process loads each model version itself. */
    DJL("djl"),
    /** {@code --backend openai}: a server samples; weight sync keeps it on the newest version. */
    OPENAI("openai");

    private final String cliName;

    SamplingBackend(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** {@code --backend}'s value, in any case; anything else is bad usage. */
    public static SamplingBackend parse(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (SamplingBackend backend : values()) {
            if (backend.cliName.equals(wanted)) {
                return backend;
            }
        }
        throw new UsageException("--backend must be djl or openai, got '" + name + "'");
    }
}
