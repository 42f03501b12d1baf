package io.east.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code east bench model}: the DJL figures, and the comparison with a PyTorch baseline run in the same process tree. */
class BenchModelCommandTest {

    @TempDir
    Path dir;

    @Test
    void aMemoryRunTooShortToReachStep100IsBadUsage() throws Exception {
        assertThat(CliRunner.badUsage("bench", "model", "--memory-steps", "50"))
                .contains("--memory-steps must be 0 or >= 100");
    }

    @Test
    void theBaselineRatesArePairedWithDjlsBySize() throws Exception {
        // A stand-in interpreter that prints what torch_baseline.py prints, so the test needs no Python.
        Path python = dir.resolve("python");
        Files.writeString(python, """
                #!/bin/sh
                echo "torch 2.13.0+cpu, threads 2 args: $*"
                echo "train  tiny d=128 L=4 h=4/2 ff=384    params=800,384 batch=16  1000000 tokens/s  1.5 ms/step"
                echo "train  small d=256 L=6 h=8/4 ff=768   params=4,793,600 batch=16  1 tokens/s  1500.0 ms/step"
                """);
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwx------"));
        Path script = Files.writeString(dir.resolve("baseline.py"), "# not read by the stand-in\n");

        CliRunner.Result result = CliRunner.run(Map.of("OMP_WAIT_POLICY", "PASSIVE"), null, "bench", "model",
                "--train-steps", "2", "--memory-steps", "0", "--new-tokens", "2", "--python", python.toString(),
                "--torch-script", script.toString());

        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(0);
        Matcher width = Pattern.compile("mean padded width ([0-9.]+)").matcher(result.stdout());
        assertThat(width.find()).as(result.stdout()).isTrue();
        long length = Math.round(Double.parseDouble(width.group(1)));
        assertThat(length).as("a batch is padded past its longest row, to a multiple of 16").isBetween(80L, 128L);
        assertThat(result.stdout())
                .contains("pytorch torch 2.13.0+cpu, threads 2 args: " + script + " --threads")
                .contains("--steps 2 --length " + length)
                .contains("equal shapes (batch 16 x " + length + ")")
                .containsPattern("tiny d=128 L=4 h=4/2 ff=384 +DJL [0-9,]+  PyTorch 1,000,000  0\\.\\d\\dx  below goal")
                .containsPattern("small d=256 L=6 h=8/4 ff=768 +DJL [0-9,]+  PyTorch 1  \\d[0-9.]*x  goal met")
                .containsPattern("sample tiny d=128 L=4 h=4/2 ff=384 +kv-cache speed-up x");
    }
}
