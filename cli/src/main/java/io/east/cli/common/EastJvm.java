package io.east.cli.common;

import io.east.cli.EastCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that starts east in a child JVM: this process's Java on this process's class path, so the child
 * runs exactly the code the parent runs, whether from the jar or from a build's class directories.
 */
public final class EastJvm {

    private EastJvm() {
    }

    /** {@code java JVM_OPTIONS -cp CLASS_PATH io.east.cli.EastCommand EAST_ARGS}. */
    public static List<String> command(List<String> jvmOptions, List<String> eastArgs) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), EastCommand.class.getName()));
        command.addAll(eastArgs);
        return List.copyOf(command);
    }
}
