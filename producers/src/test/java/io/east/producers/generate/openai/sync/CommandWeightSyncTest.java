package io.east.producers.generate.openai.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user command as the loader: real processes, no shell between us and the program. */
class CommandWeightSyncTest {

    @TempDir
    Path temp;

    @Test
    void theProgramGetsThePathAndVersionAsSeparateArgumentsAndExitZeroIsLoaded() throws Exception {
        Path out = temp.resolve("args.txt");
        // sh is the program here, not an interpreter of the template: $1 and $2 are our two arguments.
        SyncCommand command = SyncCommand.parse("sh -c 'printf \"%s|%s\" \"$1\" \"$2\" > \"$0\"' " + out
                + " {path} {version}");

        new CommandWeightSync(command, Duration.ofSeconds(30))
                .load(new ServedCheckpoint(4, temp, "/srv/with space/v000004"));

        assertThat(Files.readString(out)).isEqualTo("/srv/with space/v000004|4");
    }

    @Test
    void aNonZeroExitFailsWithTheExitCodeAndTheEndOfTheOutput() {
        assertLoadFails("sh -c 'echo no such checkpoint: $0 >&2; exit 3' {path}", Duration.ofSeconds(30),
                "/srv/v000001", true, "exited with 3", "output: no such checkpoint: /srv/v000001");
    }

    @Test
    void aCommandThatOutlivesTheTimeoutIsKilled() {
        // The served path "1" makes the command sleep 60 + 1 seconds.
        assertLoadFails("sleep 60 {path}", Duration.ofMillis(200), "1", true, "did not finish within PT0.2S; killed");
    }

    @Test
    void aProgramThatDoesNotExistIsAPermanentFailure() {
        assertLoadFails("/no/such/loader {path}", Duration.ofSeconds(5), "/srv/v1", false,
                "cannot run '/no/such/loader'");
    }

    /** Loading version 1, served at {@code servedPath}, fails as retryable or not, with all of {@code message}. */
    private void assertLoadFails(String template, Duration timeout, String servedPath, boolean retryable,
            String... message) {
        LoadFailures.assertLoadFails(new CommandWeightSync(SyncCommand.parse(template), timeout),
                new ServedCheckpoint(1, temp, servedPath), retryable, message);
    }
}
