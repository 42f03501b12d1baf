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

    @Test
    @EnabledOnOs(OS.LINUX)
    void glibcTakesTheSettingsThatKeepFreedTensorMemoryForReuse() {
        // mallopt refuses an mmap threshold above half its arena heap (32 MiB on 64-bit) by returning 0.
        assertThat(NativeMemory.reuseFreedMemory()).isTrue();
        assertThat(NativeMemory.reuseFreedMemory()).as("idempotent").isTrue();
    }
}
