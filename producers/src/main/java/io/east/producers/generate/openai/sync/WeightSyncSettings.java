package io.east.producers.generate.openai.sync;

import io.east.producers.generate.openai.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a process keeps an OpenAI-compatible server on the newest model version.
 *
 * @param mode how the server loads a checkpoint; {@link WeightSyncMode#NONE} never
 * @param pathMap where the server finds what this machine finds under the checkpoint root
 * @param command the user command, for {@link WeightSyncMode#COMMAND} only
 * @param retry how often and how long apart a failed load is tried again
 * @param loadTimeout the most one attempt may take, confirmation included
 * @param owner names this process in logs and, on SGLang, in the weight_version label: the worker id
 */
public record WeightSyncSettings(WeightSyncMode mode, ServedPathMap pathMap, SyncCommand command, RetryPolicy retry,
        Duration loadTimeout, String owner) {

    public static final Duration DEFAULT_LOAD_TIMEOUT = Duration.ofMinutes(10);
    public static final int DEFAULT_RETRIES = 3;
    /** Backoff between load attempts: starts at 2 s, at most 1 min. */
    public static final RetryPolicy DEFAULT_RETRY = new RetryPolicy(DEFAULT_RETRIES, Duration.ofSeconds(2),
            Duration.ofMinutes(1), Duration.ofMinutes(5));
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    public WeightSyncSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(pathMap, "pathMap");
        Objects.requireNonNull(retry, "retry");
        if (mode == WeightSyncMode.COMMAND && command == null) {
            throw new IllegalArgumentException("weight sync 'command' needs a sync command");
        }
        if (mode != WeightSyncMode.COMMAND && command != null) {
            throw new IllegalArgumentException("a sync command is for weight sync 'command', not '" + mode.id()
                    + "'");
        }
        if (loadTimeout == null || loadTimeout.isNegative() || loadTimeout.isZero()) {
            throw new IllegalArgumentException("the load timeout must be positive, got " + loadTimeout);
        }
        if (owner == null || !OWNER.matcher(owner).matches()) {
            throw new IllegalArgumentException("the owner must match " + OWNER.pattern() + ", got '" + owner + "'");
        }
    }

    /** No sync: the server keeps what it was started with. */
    public static WeightSyncSettings none(String owner) {
        return new WeightSyncSettings(WeightSyncMode.NONE, ServedPathMap.identity(), null, DEFAULT_RETRY,
                DEFAULT_LOAD_TIMEOUT, owner);
    }

    public boolean enabled() {
        return mode != WeightSyncMode.NONE;
    }
}
