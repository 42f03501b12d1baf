package io.east.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad usage of {@code east eval} is one line on stderr and exit code 2, before any model is loaded. */
class EvalCommandTest {

    @TempDir
    static Path temp;
    static String model;

    @BeforeAll
    static void checkpointLookalike() throws Exception {
        // Usage is checked before loading, so a config.json is all a checkpoint needs here.
        Path dir = Files.createDirectories(temp.resolve("v000001"));
        Files.writeString(dir.resolve("config.json"), "{}");
        model = dir.toString();
    }

    @Test
    void aBadDatasetSpecIsAUsageError() throws Exception {
        assertUsage("east eval: --dataset: expected gsm8k:PATH, math:PATH or synthetic[:SEED], got 'mnist:x'",
                "--model", model, "--dataset", "mnist:x");
        assertUsage("--dataset: synthetic:SEED needs an integer seed, got 'seven'",
                "--model", model, "--dataset", "synthetic:seven");
        assertUsage("gsm8k: no such file: " + temp.resolve("missing.jsonl"),
                "--model", model, "--dataset", "gsm8k:" + temp.resolve("missing.jsonl"));
        assertUsage("--split of the synthetic dataset must be train or test, got 'dev'",
                "--model", model, "--dataset", "synthetic", "--split", "dev");
    }

    @Test
    void whatToEvaluateMustBeSaid() throws Exception {
        assertUsage("give --model CKPT, --follow, or both", "--dataset", "synthetic");
        assertUsage("--follow needs --checkpoint-root DIR", "--follow", "--dataset", "synthetic");
        assertUsage("--checkpoint-root is for --follow", "--model", model, "--checkpoint-root", temp.toString(),
                "--dataset", "synthetic");
        assertUsage("--model: not a checkpoint directory (no config.json): " + temp,
                "--model", temp.toString(), "--dataset", "synthetic");
        assertUsage("--checkpoint-root: checkpoint root /proc/east-no-root does not exist and cannot be created",
                "--follow", "--checkpoint-root", "/proc/east-no-root", "--dataset", "synthetic");
    }

    @Test
    void theOpenAiBackendNeedsItsServerAndASyncToFollow() throws Exception {
        String[] openAi = {"--backend", "openai", "--endpoint", "http://127.0.0.1:1", "--model", "policy",
                "--dataset", "synthetic"};
        assertUsage("--backend must be djl or openai, got 'vllm'", "--backend", "vllm", "--dataset", "synthetic");
        assertUsage("--backend openai needs --endpoint URL", "--backend", "openai", "--model", "policy",
                "--dataset", "synthetic");
        assertUsage("--backend openai needs --model NAME", "--backend", "openai", "--endpoint", "http://127.0.0.1:1",
                "--dataset", "synthetic");
        assertUsage("--backend openai --follow needs --weight-sync sglang, vllm or command",
                with(openAi, "--follow", "--checkpoint-root", temp.toString()));
        assertUsage("--weight-sync is for --follow", with(openAi, "--weight-sync", "sglang"));
        assertUsage("--weight-sync command needs --sync-command CMD", with(openAi, "--follow", "--checkpoint-root",
                temp.toString(), "--weight-sync", "command"));
        assertUsage("--endpoint is for --backend openai", "--model", model, "--endpoint", "http://127.0.0.1:1",
                "--dataset", "synthetic");
        assertUsage("--weight-sync is for --backend openai", "--model", model, "--weight-sync", "vllm",
                "--dataset", "synthetic");
    }

    private static String[] with(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void samplingSettingsAreChecked() throws Exception {
        assertUsage("--n must be >= 1, got 0", "--model", model, "--dataset", "synthetic", "--n", "0");
        assertUsage("top-p must be in (0, 1]", "--model", model, "--dataset", "synthetic", "--top-p", "2");
        assertUsage("--experiment: experiment name must match", "--model", model, "--dataset", "synthetic",
                "--experiment", "no spaces");
        assertUsage("Missing required option: '--dataset=SPEC'", "--model", model);
    }

    @Test
    void helpRendersWithoutWarnings() throws Exception {
        CliRunner.Result help = CliRunner.run("eval", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.stderr()).isEmpty();
        assertThat(help.stdout()).contains("95% Wilson", "--follow", "EAST_BOOTSTRAP");
    }

    private static void assertUsage(String message, String... args) throws Exception {
        assertThat(CliRunner.badUsage(CliRunner.args("eval", args))).contains(message);
    }
}
