package io.east.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A run builds only the subcommand it names; help, version and mistakes see every one. */
class EastCommandTest {

    @Test
    void aNamedSubcommandIsTheOnlyOneBuilt() {
        assertThat(EastCommand.commandLineFor(new String[] {"weights", "--input", "f"}).getSubcommands())
                .containsOnlyKeys("weights");
    }

    @Test
    void helpVersionAndUnknownNamesGetTheWholeTree() {
        int all = EastCommand.commandLine().getSubcommands().size();
        assertThat(all).isGreaterThan(15);
        for (String[] args : new String[][] {{}, {"--help"}, {"--version"}, {"help", "weights"}, {"weigths"}}) {
            assertThat(EastCommand.commandLineFor(args).getSubcommands()).as(String.join(" ", args)).hasSize(all);
        }
    }
}
