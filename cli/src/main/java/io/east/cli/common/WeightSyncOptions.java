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

    @Option(names = "--weight-sync", paramLabel = "none|sglang|vllm|command", defaultValue = "none",
            description = "openai: make the server follow the model versions announced on east.model-versions (only "
                    + "checkpoints under --checkpoint-root). At each batch boundary, with no request of this process in "
                    + "flight, a newly announced version is loaded and confirmed, then sampling resumes; samples carry "
                    + "the version the server serves. sglang: POST /update_weights_from_disk, confirmed by GET "
                    + "/get_model_info. vllm: POST /collective_rpc reload_weights, then /reset_prefix_cache (start vLLM "
                    + "with VLLM_SERVER_DEV_MODE=1). command: --sync-command. A load that still fails after "
                    + "--sync-retries keeps the current version (one WARN). ONE WORKER PER ENDPOINT: no other process "
                    + "may reload the server; on SGLang a second one is detected and ends this one "
                    + "(default: ${DEFAULT-VALUE}).")
    private String mode;

    @Option(names = "--served-path-map", paramLabel = "LOCAL=REMOTE",
            description = "A checkpoint under LOCAL is at the same place under REMOTE for the server (e.g. another "
                    + "mount of the checkpoints volume). Repeatable; the longest LOCAL wins; other paths are given "
                    + "unchanged.")
    private List<String> pathMap = new ArrayList<>();

    @Option(names = "--sync-command", paramLabel = "CMD",
            description = "For --weight-sync command: the program and arguments that make the server load a "
                    + "checkpoint, e.g. 'reload.sh {path} {version}'. Run without a shell: split at whitespace, "
                    + "'...' or \"...\" group (no escapes), {path} (as the server sees it) and {version} filled in "
                    + "after splitting. Exit code 0 means loaded.")
    private String command;

    @Option(names = "--sync-timeout", paramLabel = "D", defaultValue = "10m",
            description = "Limit for one load attempt, confirmation included (default: ${DEFAULT-VALUE}).")
    private String timeout;

    @Option(names = "--sync-retries", paramLabel = "R", defaultValue = "" + WeightSyncSettings.DEFAULT_RETRIES,
            description = "Attempts after a failed load, with exponential backoff from 2 s (default: "
                    + "${DEFAULT-VALUE}).")
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
