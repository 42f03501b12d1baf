package io.east.producers.generate.openai.sync;

import io.east.producers.generate.openai.OpenAiSettings;
import java.time.Duration;

/** The {@link WeightSync} a mode names, for the server an {@link OpenAiSettings} reaches. */
public final class WeightSyncs {

    /** Reading what the server serves is quick; a server that takes longer is not well. */
    private static final Duration INFO_TIMEOUT = Duration.ofSeconds(30);

    private WeightSyncs() {
    }

    /** @throws IllegalArgumentException for {@link WeightSyncMode#NONE}, which loads nothing */
    public static WeightSync create(WeightSyncSettings sync, OpenAiSettings server) {
        Duration info = sync.loadTimeout().compareTo(INFO_TIMEOUT) < 0 ? sync.loadTimeout() : INFO_TIMEOUT;
        return switch (sync.mode()) {
            case SGLANG -> new SglangWeightSync(new AdminHttp(server.connectTimeout(), server.apiKey()),
                    server.baseUrl(), sync.owner(), sync.loadTimeout(), info);
            case VLLM -> new VllmWeightSync(new AdminHttp(server.connectTimeout(), server.apiKey()), server.baseUrl(),
                    server.model(), sync.loadTimeout(), info);
            case COMMAND -> new CommandWeightSync(sync.command(), sync.loadTimeout());
            case NONE -> throw new IllegalArgumentException("weight sync 'none' loads nothing");
        };
    }
}
