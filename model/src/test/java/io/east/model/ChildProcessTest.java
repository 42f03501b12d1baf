package io.east.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real child processes through sh: output kept, exit status kept, and a hung child killed with all it started. */
class ChildProcessTest {

    private static final Duration AMPLE = Duration.ofSeconds(20);

    private static List<String> sh(String script) {
        return List.of("sh", "-c", script);
    }

    @Test
    void bothStreamsAndTheExitStatusAreKept() throws Exception {
        ChildProcess.Result result = ChildProcess.run(sh("echo to-out; echo to-err >&2; exit 3"), AMPLE);

        assertThat(result.timedOut()).isFalse();
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.output().lines()).containsExactly("to-out", "to-err");
    }

    @Test
    void moreOutputThanAPipeHoldsDoesNotBlockTheChild() {
        ChildProcess.Result result = assertTimeoutPreemptively(AMPLE,
                () -> ChildProcess.run(sh("head -c 300000 /dev/zero | tr '\\000' x"), AMPLE));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.output()).hasSize(300_000).matches("x+");
    }

    @Test
    void aChattyChildKeepsOnlyTheEndOfItsOutput() throws Exception {
        ChildProcess.Result result = ChildProcess.run(
                sh("head -c 3000000 /dev/zero | tr '\\000' x; printf '  the\\n  end '"), AMPLE);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.output()).hasSize(ChildProcess.KEPT_OUTPUT_BYTES).endsWith("x  the\n  end ");
        assertThat(result.outputTail(10)).isEqualTo("the end");
    }

    @Test
    void aHungChildIsKilledAtTheDeadlineWithWhatItStarted() throws Exception {
        ChildProcess.Result result = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> ChildProcess.run(sh("sleep 30 & echo $!; wait"), Duration.ofSeconds(1)));

        assertThat(result.timedOut()).isTrue();
        assertThat(result.succeeded()).isFalse();
        assertThat(result.exitCode()).isEqualTo(-1);
        long sleeper = Long.parseLong(result.output().strip());
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            while (!gone(sleeper)) {
                Thread.onSpinWait();
            }
        }, "the child's own child, sleep 30, is killed too");
    }

    @Test
    void aCommandThatCannotStartIsAnIoExceptionNamingIt() {
        assertThatThrownBy(() -> ChildProcess.run(List.of("/no/such/program"), AMPLE))
                .isInstanceOf(IOException.class).hasMessageContaining("/no/such/program");
    }

    /** Ended, or a zombie no one has reaped yet: either way it runs no more. */
    private static boolean gone(long pid) throws IOException {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (NoSuchFileException e) {
            return true;
        }
    }
}
