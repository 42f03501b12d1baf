package io.east.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * transformers reads what Java writes: JavaCheckpointExport trains two small models and saves them (fp32 and bf16
 * checkpoints, with the logits Java computes), and fixtures/check_java_checkpoint.py loads each with
 * AutoModelForCausalLM and compares. Needs a Python with torch and transformers (EAST_TEST_PYTHON); skipped without.
 */
class TransformersLoadsJavaCheckpointsTest {

    @TempDir
    Path dir;

    @Test
    void fp32AndBf16CheckpointsLoadWithTheSameLogits() throws Exception {
        Optional<Path> python = TestPython.find();
        assumeTrue(python.isPresent(), TestPython.MISSING);
        JavaCheckpointExport.main(new String[] {dir.toString()});
        Process process = new ProcessBuilder(python.get().toString(), script().toString(), dir.toString())
                .redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("PASS").contains("tied-llama3-bf16: LlamaForCausalLM")
                .contains("stored as bfloat16").contains("tokenizer round trip ok");
    }

    private static Path script() throws URISyntaxException {
        return Path.of(TransformersLoadsJavaCheckpointsTest.class
                .getResource("/fixtures/check_java_checkpoint.py").toURI());
    }
}
