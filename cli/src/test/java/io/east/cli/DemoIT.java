package io.east.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job end to end on an embedded broker, with a toy model so it fits a test: model versions are produced,
 * the generator reloads them (samples made by a version after the base appear), and evaluations arrive. With
 * {@code --backend openai} the versions reach an east serve stage through weight sync, as they reach SGLang.
 */
class DemoIT {

    @TempDir
    Path workDir;

    @ParameterizedTest(name = "--backend {0}")
    @ValueSource(strings = {"djl", "openai"})
    void theLoopProducesModelVersionsThatTheGeneratorReloadsAndTheEvaluatorMeasures(String backend) throws Exception {
        String output = LongRun.succeeds("demo-it", Duration.ofSeconds(170), "demo", "--size", "tiny", "--minutes", "1.2",
                "--port", "-1", "--work-dir", workDir.toString(), "--backend", backend);

        JsonNode summary = new ObjectMapper().readTree(workDir.resolve("run").resolve("summary.json").toFile());
        assertThat(summary.get("versions").size()).as("model versions after the base").isGreaterThan(1);
        long fromLaterVersions = 0;
        var byPolicy = summary.get("samplesByPolicy").fields();
        while (byPolicy.hasNext()) {
            var entry = byPolicy.next();
            if (Long.parseLong(entry.getKey()) > 0) {
                fromLaterVersions += entry.getValue().asLong();
            }
        }
        assertThat(fromLaterVersions).as("samples made by a reloaded version; output:%n%s", output).isPositive();
        assertThat(summary.get("accuracy").size()).as("evaluated versions").isGreaterThanOrEqualTo(2);
        assertThat(summary.get("switchMillis").size()).as("versions whose samples were seen").isPositive();
        assertThat(output).contains("pass@1").contains("samples generated").contains("version switch")
                .contains("generate --backend " + backend);
        Matcher started = Pattern.compile("stage started stage=\"(\\w+)\" pid=\"(\\d+)\"").matcher(output);
        int stages = 0;
        while (started.find()) {
            stages++;
            long pid = Long.parseLong(started.group(2));
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("stage %s (pid %d) left running", started.group(1), pid).isFalse();
        }
        assertThat(stages).as("stages started").isGreaterThanOrEqualTo(backend.equals("openai") ? 6 : 5);
    }
}
