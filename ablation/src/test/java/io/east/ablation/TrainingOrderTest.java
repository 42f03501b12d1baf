package io.east.ablation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TrainingOrderTest {

    private static final int SIZE = 50;

    @Test
    void everyEpochIsAPermutationOfTheExampleSet() {
        int[] order = TrainingOrder.of(SIZE, 7, 3);

        assertThat(order).hasSize(3 * SIZE);
        int[] identity = IntStream.range(0, SIZE).toArray();
        for (int epoch = 0; epoch < 3; epoch++) {
            int[] slice = Arrays.copyOfRange(order, epoch * SIZE, (epoch + 1) * SIZE);
            assertThat(slice).as("epoch %d", epoch).containsExactlyInAnyOrder(identity);
            assertThat(slice).as("epoch %d is shuffled", epoch).isNotEqualTo(identity);
        }
        assertThat(Arrays.copyOfRange(order, 0, SIZE)).as("each epoch has a fresh order")
                .isNotEqualTo(Arrays.copyOfRange(order, SIZE, 2 * SIZE));
    }

    @Test
    void theSameSeedGivesTheSameOrder() {
        assertThat(TrainingOrder.of(SIZE, 3, 2)).isEqualTo(TrainingOrder.of(SIZE, 3, 2));
        // The first epoch does not depend on how many follow.
        assertThat(Arrays.copyOf(TrainingOrder.of(SIZE, 3, 2), SIZE)).isEqualTo(TrainingOrder.of(SIZE, 3, 1));
    }

    @Test
    void nearbySeedsGiveDifferentOrders() {
        Set<String> orders = new HashSet<>();
        for (long seed = 0; seed < 10; seed++) {
            orders.add(Arrays.toString(TrainingOrder.of(SIZE, seed, 1)));
        }
        assertThat(orders).hasSize(10);
        // Seed s, epoch 1 must not repeat seed s + 1, epoch 0 (or any other nearby pair).
        assertThat(Arrays.copyOfRange(TrainingOrder.of(SIZE, 0, 2), SIZE, 2 * SIZE))
                .isNotEqualTo(TrainingOrder.of(SIZE, 1, 1));
    }

    @Test
    void smallAndEmptySetsAndBadArguments() {
        assertThat(TrainingOrder.of(0, 1, 2)).isEmpty();
        assertThat(TrainingOrder.of(1, 1, 3)).containsExactly(0, 0, 0);
        assertThatThrownBy(() -> TrainingOrder.of(-1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrainingOrder.of(3, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
