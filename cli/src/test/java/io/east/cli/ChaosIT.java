package io.east.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
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
        String output = LongRun.succeeds("chaos-it", Duration.ofMinutes(8), "chaos", "--minutes", "1.5",
                "--kill-every", "12s", "--tasks", "64", "--seed", "3", "--drain-timeout", "4m",
                "--work-dir", workDir.toString());
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
