package io.east.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.east.cli.common.EastJvm;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EastJvmTest {

    @Test
    void startsEastOnThisJavaAndClassPathWithTheOptionsBeforeTheMainClassAndTheArgumentsAfter() {
        assertThat(EastJvm.command(List.of("-Xmx256m", "-XX:+UseSerialGC"), List.of("tail", "east.groups")))
                .containsExactly(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                        "io.east.cli.EastCommand", "tail", "east.groups");
    }
}
