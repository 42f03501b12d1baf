package io.east.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), EastCommand.class.getName(),
                "chaos", "--brokers", "3", "--stage-kills", "0", "--minutes", "0.75", "--tasks", "64", "--seed", "3",
                "--drain-timeout", "4m", "--work-dir", workDir.toString());
        Path log = Path.of("target", "cluster-chaos-it-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        Process chaos = builder.start();
        boolean finished = chaos.waitFor(7, TimeUnit.MINUTES);
        if (!finished) {
            chaos.destroy();
            chaos.waitFor(60, TimeUnit.SECONDS);
        }
        String output = Files.readString(log);
        assertThat(finished).as("chaos finished in time; output:%n%s", output).isTrue();
        assertThat(chaos.exitValue()).as(output).isZero();
        assertThat(output).contains("the ledger balances").contains("SIGKILLs {}")
                .containsPattern("broker restarts 1 \\(3 nodes, SIGKILL of \\[node \\d");
        for (String stage : List.of("generate", "streams", "train")) {
            assertThat(output).as("one start of " + stage).containsOnlyOnce("stage started stage=\"" + stage + "\"");
        }
    }
}
