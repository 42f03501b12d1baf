package io.east.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StableHashTest {

    @Test
    void givesThePublishedFnv1a64Values() {
        // Test vectors of the FNV-1a 64-bit reference: the empty string is the offset basis.
        assertThat(StableHash.fnv1a64("")).isEqualTo(0xcbf29ce484222325L);
        assertThat(StableHash.fnv1a64("a")).isEqualTo(0xaf63dc4c8601ec8cL);
        assertThat(StableHash.fnv1a64("foobar")).isEqualTo(0x85944171f73967e8L);
    }

    @Test
    void hashesTheUtf8BytesOfTheText() {
        // "½" is the two bytes c2 bd in UTF-8 (a UTF-16 code unit hash would differ).
        assertThat(StableHash.fnv1a64("½")).isEqualTo(0x0ac58707b71b1228L);
    }
}
