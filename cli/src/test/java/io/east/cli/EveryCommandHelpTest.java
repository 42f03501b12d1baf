package io.east.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every east command, nested ones included, answers --help with its usage and exit code 0. */
class EveryCommandHelpTest {

    static Stream<List<String>> commands() {
        List<List<String>> out = new ArrayList<>();
        collect(EastCommand.commandLine(), new ArrayList<>(), out);
        return out.stream();
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> out) {
        out.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help") && sub.getCommandName().equals(name)) {
                List<String> next = new ArrayList<>(path);
                next.add(name);
                collect(sub, next, out);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("commands")
    void answersHelp(List<String> path) {
        CommandLine east = EastCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        east.setOut(new PrintWriter(out));
        east.setErr(new PrintWriter(err));
        List<String> args = new ArrayList<>(path);
        args.add("--help");
        int exit = east.execute(args.toArray(String[]::new));
        assertThat(exit).as(String.join(" ", args) + ": " + err).isZero();
        assertThat(out.toString()).startsWith("Usage: east" + (path.isEmpty() ? "" : " " + String.join(" ", path)));
        assertThat(err.toString()).isEmpty();
    }
}
