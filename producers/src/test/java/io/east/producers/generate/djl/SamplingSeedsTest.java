package io.east.producers.generate.djl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SamplingSeedsTest {

    @Test
    void theSameInputsGiveTheSameSeedAndNeighboursDiffer() {
        assertThat(SamplingSeeds.of(7, 2, 10, 1)).isEqualTo(SamplingSeeds.of(7, 2, 10, 1));
        Set<Long> seeds = new HashSet<>();
        for (long seed = 0; seed < 3; seed++) {
            for (long version = 0; version < 3; version++) {
                for (long call = 0; call < 3; call++) {
                    for (int chunk = 0; chunk < 3; chunk++) {
                        seeds.add(SamplingSeeds.of(seed, version, call, chunk));
                    }
                }
            }
        }
        assertThat(seeds).hasSize(81);
    }
}
