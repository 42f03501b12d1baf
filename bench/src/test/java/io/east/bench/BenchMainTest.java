package io.east.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Argument handling only: the benchmark itself is run by hand (bench/streams), never in the build. */
class BenchMainTest {

    @Test
    void helpListsTheStreamsBench() {
        assertThat(help("streams")).contains("--rate", "--tasks", "--perf-records", "--warmup-replays", "--rounds");
    }

    @Test
    void badValuesAreUsageErrors() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = BenchMain.commandLine();
        commandLine.setErr(new PrintWriter(err));
        assertThat(commandLine.execute("streams", "--rate", "fast")).isEqualTo(BenchMain.USAGE);
        assertThat(commandLine.execute("streams", "--n", "1")).isEqualTo(BenchMain.USAGE);
        assertThat(commandLine.execute("streams", "--rounds", "0")).isEqualTo(BenchMain.USAGE);
        assertThat(commandLine.execute("streams", "--perf-warmup-records", "5", "--perf-records", "5"))
                .isEqualTo(BenchMain.USAGE);
        assertThat(err.toString()).startsWith("bench: ");
    }

    @Test
    void theImportBenchTakesItsSizesAndRefusesBadOnes() {
        assertThat(help("import")).contains("--questions", "--n", "--response-chars", "--rounds");
        assertThat(BenchMain.commandLine().execute("import", "--rounds", "0")).isEqualTo(BenchMain.USAGE);
    }

    /** What {@code BENCH --help} prints; it must exit 0. */
    private static String help(String bench) {
        StringWriter text = new StringWriter();
        CommandLine commandLine = BenchMain.commandLine();
        commandLine.setOut(new PrintWriter(text));
        assertThat(commandLine.execute(bench, "--help")).isZero();
        return text.toString();
    }
}
