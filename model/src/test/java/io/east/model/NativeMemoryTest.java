package io.east.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class NativeMemoryTest {

    @Test
    @EnabledOnOs(OS.LINUX)
    void freePagesGoBackToTheSystemOnGlibc() {
        assertThat(NativeMemory.releaseFreePages()).isTrue();
    }
}
