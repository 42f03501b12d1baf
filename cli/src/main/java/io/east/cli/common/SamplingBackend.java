package io.east.cli.common;

import io.east.core.EnumIds;
import io.east.core.SpelledEnum;

/** What samples the policy: DJL in the process itself, or an OpenAI-compatible server (vLLM, SGLang, east serve). */
public enum SamplingBackend implements SpelledEnum {
    /** {@code --backend djl}: the process loads each model version itself. */
    DJL,
    /** {@code --backend openai}: a server samples; weight sync keeps it on the newest version. */
    OPENAI;

    /** {@code --backend}'s value, in any case; anything else is bad usage. */
    public static SamplingBackend parse(String name) {
        return Usage.check(() -> EnumIds.parse(SamplingBackend.class, "--backend", name), "");
    }
}
