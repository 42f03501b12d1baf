package io.east.producers.generate.openai.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The documented split rule of --sync-command, and its placeholders. */
class SyncCommandTest {

    @Test
    void whitespaceSplitsQuotesGroupAndPlaceholdersAreFilledAfterSplitting() {
        SyncCommand command = SyncCommand.parse("  reload.sh --path={path}  'two words' \"it's\" -v {version} ");

        assertThat(command.template()).containsExactly("reload.sh", "--path={path}", "two words", "it's", "-v",
                "{version}");
        assertThat(command.argv("/ckpt/with space/v000002", 2)).containsExactly("reload.sh",
                "--path=/ckpt/with space/v000002", "two words", "it's", "-v", "2");
    }

    @Test
    void aPathThatLooksLikeAPlaceholderIsPassedAsItIs() {
        assertThat(SyncCommand.parse("load {path}").argv("/odd/{version}", 7)).containsExactly("load", "/odd/{version}");
    }

    @Test
    void emptyQuotesAreAnEmptyArgument() {
        assertThat(SyncCommand.parse("load '' {path}").argv("/p", 1)).containsExactly("load", "", "/p");
    }

    @Test
    void badTemplatesAreRefused() {
        assertThatThrownBy(() -> SyncCommand.parse(" ")).hasMessageContaining("the sync command is empty");
        assertThatThrownBy(() -> SyncCommand.parse("load '{path}"))
                .hasMessageContaining("the sync command has an unclosed ' quote");
        assertThatThrownBy(() -> SyncCommand.parse("load {path} {verison}"))
                .hasMessageContaining("may only use {path} and {version}, got {verison}");
        assertThatThrownBy(() -> SyncCommand.parse("load {version}"))
                .hasMessageContaining("the sync command must pass {path}");
    }
}
