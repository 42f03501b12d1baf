package io.east.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code east chaos --brokers 3 --stage-kills 0}: the loop on a 3-node KRaft cluster of separate processes, one node
 * killed with SIGKILL mid-stream and started again. No stage is restarted, and the ledger balances.
 */
class ClusterChaosIT {

    @TempDir
    Path workDir;

    @Test
    void losingOneBrokerOfThreeLosesNothingAndNeedsNoStageRestart() throws Exception {
        String output = LongRun.succeeds("cluster-chaos-it", Duration.ofMinutes(7), "chaos", "--brokers", "3",
                "--stage-kills", "0", "--minutes", "0.75", "--tasks", "64", "--seed", "3", "--drain-timeout", "4m",
                "--work-dir", workDir.toString());
        assertThat(output).contains("the ledger balances").contains("SIGKILLs {}")
                .containsPattern("broker restarts 1 \\(3 nodes, SIGKILL of \\[node \\d");
        for (String stage : List.of("generate", "streams", "train")) {
            assertThat(output).as("one start of " + stage).containsOnlyOnce("stage started stage=\"" + stage + "\"");
        }
    }
}
