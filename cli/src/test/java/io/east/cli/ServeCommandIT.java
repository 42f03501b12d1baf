package io.east.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.east.cli.common.EastJvm;
import io.east.model.Checkpoints;
import io.east.model.LlamaConfig;
import io.east.model.Tokenizers;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code east serve} as an operator runs it: prints its URL, answers, reloads, and stops cleanly on SIGTERM. */
class ServeCommandIT {

    private static final LlamaConfig TINY = LlamaConfig.small(Tokenizers.CHARACTER_LEVEL_VOCAB_SIZE, 32, 2, 4, 2, 64,
            256);

    @TempDir
    Path dir;

    @Test
    void servesReloadsAndStopsCleanlyOnSigterm() throws Exception {
        Path first = dir.resolve("runs/v000001");
        Path second = dir.resolve("runs/v000002");
        Checkpoints.writeFresh(first, TINY, 1);
        Checkpoints.writeFresh(second, TINY, 2);
        List<String> command = EastJvm.command(List.of(), List.of("serve", "--model", first.toString(),
                "--port", "0", "--checkpoint-root", dir.resolve("runs").toString()));
        Path stderr = Files.createTempFile("east-serve-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        builder.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        Process process = builder.start();
        try (BufferedReader stdout = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = stdout.readLine();
            assertThat(line).as(Files.readString(stderr)).startsWith("serve=http://127.0.0.1:");
            String url = line.substring("serve=".length());
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> completion = post(http, url + "/v1/completions",
                    "{\"model\": \"v000001\", \"prompt\": \"Question: 1 + 1?\", \"n\": 2, \"max_tokens\": 5}");
            assertThat(completion.statusCode()).as(completion.body()).isEqualTo(200);
            assertThat(completion.body()).contains("\"object\":\"text_completion\"");
            HttpResponse<String> reload = post(http, url + "/update_weights_from_disk",
                    "{\"model_path\": \"" + second + "\"}");
            assertThat(reload.body()).contains("\"success\":true");
            HttpResponse<String> info = http.send(HttpRequest.newBuilder(URI.create(url + "/get_model_info")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(info.body()).contains("\"model_path\":\"" + second + "\"");

            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("serve stops within 60 s of SIGTERM").isTrue();
            assertThat(process.exitValue()).isEqualTo(143);
            assertThat(Files.readString(stderr)).contains("server stopped").doesNotContain("WARN")
                    .doesNotContain("Exception");
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(stderr);
        }
    }

    private static HttpResponse<String> post(HttpClient http, String url, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
