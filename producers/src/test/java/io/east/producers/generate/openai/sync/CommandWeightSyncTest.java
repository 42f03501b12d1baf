package io.east.producers.generate.openai.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        SyncCommand command = SyncCommand.parse("sh -c 'echo no such checkpoint: $0 >&2; exit 3' {path}");

        assertThatThrownBy(() -> new CommandWeightSync(command, Duration.ofSeconds(30))
                .load(new ServedCheckpoint(1, temp, "/srv/v000001")))
                .isInstanceOfSatisfying(WeightSyncException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("exited with 3", "output: no such checkpoint: /srv/v000001");
                });
    }

    @Test
    void aCommandThatOutlivesTheTimeoutIsKilled() {
        SyncCommand command = SyncCommand.parse("sleep 60 {path}");

        assertThatThrownBy(() -> new CommandWeightSync(command, Duration.ofMillis(200))
                .load(new ServedCheckpoint(1, temp, "1")))
                .isInstanceOfSatisfying(WeightSyncException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("did not finish within PT0.2S; killed");
                });
    }

    @Test
    void aProgramThatDoesNotExistIsAPermanentFailure() {
        SyncCommand command = SyncCommand.parse("/no/such/loader {path}");

        assertThatThrownBy(() -> new CommandWeightSync(command, Duration.ofSeconds(5))
                .load(new ServedCheckpoint(1, temp, "/srv/v1")))
                .isInstanceOfSatisfying(WeightSyncException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("cannot run '/no/such/loader'");
                });
    }
}
