package io.east.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code east chaos}, short: generate, streams and train each killed with SIGKILL at least twice and the broker
 * restarted once, and afterwards the ledger read from the topics and the checkpoint chain balances.
 */
class ChaosIT {

    @TempDir
    Path workDir;

    @Test
    void theLedgerBalancesAfterKillsOfEveryStageAndABrokerRestart() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), EastCommand.class.getName(),
                "chaos", "--minutes", "1.5", "--kill-every", "12s", "--tasks", "64", "--seed", "3",
                "--drain-timeout", "4m", "--work-dir", workDir.toString());
        Path log = Path.of("target", "chaos-it-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        Process chaos = builder.start();
        boolean finished = chaos.waitFor(8, TimeUnit.MINUTES);
        if (!finished) {
            chaos.destroy();
            chaos.waitFor(60, TimeUnit.SECONDS);
        }
        String output = Files.readString(log);
        assertThat(finished).as("chaos finished in time; output:%n%s", output).isTrue();
        assertThat(chaos.exitValue()).as(output).isZero();
        assertThat(output).contains("the ledger balances").contains("broker restarts 1");
        Matcher kills = Pattern.compile("(generate|streams|train)=(\\d+)").matcher(output);
        int stages = 0;
        while (kills.find()) {
            stages++;
            assertThat(Integer.parseInt(kills.group(2))).as(kills.group(1) + " kills").isGreaterThanOrEqualTo(2);
        }
        assertThat(stages).as("stages killed").isEqualTo(3);
    }
}
