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

/** {@code east bench weights}: the response length, the whole-process runs and the reference's preprocessing. */
class WeightsBenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void aReferenceCheckoutWithoutItsPreprocessingIsBadUsage() throws Exception {
        assertThat(CliRunner.badUsage("bench", "weights", "--python", "python3", "--reference", dir.toString()))
                .contains("--reference " + dir + " has no data_generation/util.py");
    }

    @Test
    void pythonWithoutAReferenceIsBadUsage() throws Exception {
        assertThat(CliRunner.badUsage("bench", "weights", "--python", "python3"))
                .contains("--python and --reference go together");
    }

    @Test
    void theInJvmFiguresTellTheResponseLength() throws Exception {
        CliRunner.Result result = CliRunner.run("bench", "weights", "--questions", "20", "--n", "4",
                "--response-chars", "300", "--rounds", "1");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("20 questions x n=4, responses of 300 characters")
                .containsPattern("exact +\\d+ +\\d+");
    }

    @Test
    void theWholeProcessRunsAlternateWithTheReferenceAndPrintTheRatios() throws Exception {
        Path checkout = Files.createDirectories(dir.resolve("EAST").resolve("data_generation"));
        Files.writeString(checkout.resolve("util.py"), "# not read by the stand-in\n");
        // A stand-in interpreter that writes what reference_weights.py writes, so the test needs no Python.
        Path python = dir.resolve("python");
        Files.writeString(python, """
                #!/bin/sh
                while [ $# -gt 0 ]; do
                  if [ "$1" = --output ]; then out="$2"; fi
                  shift
                done
                for i in 1 2 3; do echo '{"entropy": 1.0, "weight": 1.0}'; done > "$out"
                """);
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwx------"));
        Path script = Files.writeString(dir.resolve("reference_weights.py"), "# not read by the stand-in\n");

        CliRunner.Result result = CliRunner.run(Map.of(), null, "bench", "weights", "--questions", "20", "--n", "4",
                "--response-chars", "200", "--rounds", "1", "--python", python.toString(), "--reference",
                checkout.getParent().toString(), "--reference-script", script.toString());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout())
                .contains("weights bench, whole process: 20 questions x n=4, responses of 200 characters")
                .contains("weights --input ").contains("--clustering exact --scope dataset")
                .contains("reference: kept 3 of 20")
                .containsPattern("east / reference: [0-9.]+x the reference's speed \\(goal >= 2\\.0x: (met|not met)\\)");
        Matcher median = Pattern.compile("median +([0-9.]+) +([0-9.]+) +([0-9.]+) +([0-9.]+)")
                .matcher(result.stdout());
        assertThat(median.find()).as(result.stdout()).isTrue();
        assertThat(Double.parseDouble(median.group(1))).as("east wall seconds").isPositive();
        assertThat(Double.parseDouble(median.group(2))).as("a JVM's start takes CPU").isPositive();
    }
}
