package io.east.cli.common;

import io.east.producers.generate.openai.sync.ServedPathMap;
import io.east.producers.generate.openai.sync.SyncCommand;
import io.east.producers.generate.openai.sync.WeightSyncMode;
import io.east.producers.generate.openai.sync.WeightSyncSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --weight-sync} and its options (a picocli mixin of generate and eval): how an OpenAI-compatible server is
 * made to load each model version announced on east.model-versions.
 */
public final class WeightSyncOptions {

    @Option(names = "--weight-sync", paramLabel = "none|sglang|vllm|command", defaultValue = "none")
    private String mode;

    @Option(names = "--served-path-map", paramLabel = "LOCAL=REMOTE") private List<String> pathMap = new ArrayList<>();
    @Option(names = "--sync-command", paramLabel = "CMD") private String command;
    @Option(names = "--sync-timeout", paramLabel = "D", defaultValue = "10m") private String timeout;

    @Option(names = "--sync-retries", paramLabel = "R", defaultValue = "" + WeightSyncSettings.DEFAULT_RETRIES)
    private int retries;

    public WeightSyncMode mode() {
        return Usage.check(() -> WeightSyncMode.parse(mode), "--weight-sync: ");
    }

    public boolean enabled() {
        return mode() != WeightSyncMode.NONE;
    }

    /** Refuses the options that only a sync uses, when sync is off. */
    public void rejectWhenOff() {
        if (!pathMap.isEmpty()) {
            throw new UsageException("--served-path-map is for --weight-sync sglang, vllm or command");
        }
        if (command != null) {
            throw new UsageException("--sync-command is for --weight-sync command");
        }
    }

    /** The settings; {@code owner} names this process in logs and in SGLang's weight_version label. */
    public WeightSyncSettings settings(String owner) {
        WeightSyncMode checked = mode();
        if (checked == WeightSyncMode.COMMAND && command == null) {
            throw new UsageException("--weight-sync command needs --sync-command CMD");
        }
        if (checked != WeightSyncMode.COMMAND && command != null) {
            throw new UsageException("--sync-command is for --weight-sync command");
        }
        SyncCommand syncCommand = command == null ? null : Usage.check(() -> SyncCommand.parse(command),
                "--sync-command: ");
        ServedPathMap map = Usage.check(() -> ServedPathMap.parse(pathMap), "--served-path-map: ");
        Usage.atLeast(retries, 0, "--sync-retries");
        Duration loadTimeout = Durations.parse(timeout, "--sync-timeout");
        if (loadTimeout.isZero()) {
            throw new UsageException("--sync-timeout must be positive, got " + timeout);
        }
        return Usage.check(() -> new WeightSyncSettings(checked, map, syncCommand,
                WeightSyncSettings.DEFAULT_RETRY.withMaxRetries(retries), loadTimeout, owner), "");
    }
}
