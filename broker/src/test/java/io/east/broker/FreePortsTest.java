package io.east.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void picksDistinctUsablePorts() {
        int[] ports = FreePorts.pick(3);

        assertThat(ports).hasSize(3).doesNotHaveDuplicates();
        assertThat(Arrays.stream(ports).boxed()).allMatch(port -> port > 0 && port <= 65_535);
    }
}
