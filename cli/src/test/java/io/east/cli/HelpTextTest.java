package io.east.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.east.cli.common.KafkaOptions;
import io.east.producers.imports.ImportSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The help text lives in one resource bundle (io/east/cli/help.properties): every command and option must find its
 * text there, and every entry there must belong to a command or option that still exists.
 */
class HelpTextTest {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("io.east.cli.help");
    private static final List<CommandSpec> COMMANDS = new ArrayList<>();

    @BeforeAll
    static void collectCommands() {
        collect(EastCommand.commandLine());
    }

    private static void collect(CommandLine command) {
        if (command.getCommandSpec().userObject() instanceof CommandLine.HelpCommand) {
            return;
        }
        COMMANDS.add(command.getCommandSpec());
        new LinkedHashSet<>(command.getSubcommands().values()).forEach(HelpTextTest::collect);
    }

    @Test
    void everyCommandHasADescription() {
        assertThat(COMMANDS).hasSizeGreaterThan(20);
        for (CommandSpec command : COMMANDS) {
            assertThat(String.join("", command.usageMessage().description()))
                    .as("description of '%s'", command.qualifiedName())
                    .isNotBlank();
        }
    }

    @Test
    void everyOptionAndParameterHasADescription() {
        for (CommandSpec command : COMMANDS) {
            for (ArgSpec arg : args(command)) {
                assertThat(String.join("", arg.description()))
                        .as("description of %s in '%s'", name(arg), command.qualifiedName())
                        .isNotBlank();
            }
        }
    }

    @Test
    void everyEntryOfTheBundleIsUsed() {
        Set<String> used = new TreeSet<>();
        for (CommandSpec command : COMMANDS) {
            String prefix = command.qualifiedName(".") + ".";
            for (String section : List.of("usage.description", "usage.footer", "usage.header")) {
                used.add(prefix + section);
            }
            for (ArgSpec arg : args(command)) {
                keysTried(arg).stream()
                        .flatMap(key -> Stream.of(prefix + key, key))
                        .filter(HelpTextTest::inBundle)
                        .findFirst()
                        .ifPresent(used::add);
            }
        }
        Map<String, String> unused = new TreeMap<>();
        for (String key : Collections.list(BUNDLE.getKeys())) {
            if (!used.contains(key.replaceFirst("\\.\\d+$", ""))) {
                unused.put(key, BUNDLE.getString(key));
            }
        }
        assertThat(unused).as("entries no command or option looks up").isEmpty();
    }

    @Test
    void textNamingACodeConstantStillNamesItsValue() {
        assertThat(describe("east.import", "--dataset")).contains("default: " + ImportSettings.DEFAULT_DATASET + ";");
        assertThat(describe("east.train", "--bootstrap")).contains("env " + KafkaOptions.BOOTSTRAP_ENV + ",");
    }

    private static String describe(String command, String option) {
        CommandSpec spec = COMMANDS.stream()
                .filter(c -> c.qualifiedName(".").equals(command))
                .findFirst()
                .orElseThrow();
        return String.join(" ", spec.findOption(option).description());
    }

    private static List<ArgSpec> args(CommandSpec command) {
        List<ArgSpec> args = new ArrayList<>();
        for (OptionSpec option : command.options()) {
            if (!option.usageHelp() && !option.versionHelp()) {
                args.add(option);
            }
        }
        args.addAll(command.positionalParameters());
        return args;
    }

    /** The keys picocli tries for an argument, in its order: option names without dashes, or LABEL[index]. */
    private static List<String> keysTried(ArgSpec arg) {
        if (arg instanceof OptionSpec option) {
            return Arrays.stream(option.names()).map(n -> n.replaceFirst("^-+", "")).toList();
        }
        PositionalParamSpec positional = (PositionalParamSpec) arg;
        return List.of(positional.paramLabel() + "[" + positional.index() + "]");
    }

    private static boolean inBundle(String key) {
        return BUNDLE.containsKey(key) || BUNDLE.containsKey(key + ".0");
    }

    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
    }
}
