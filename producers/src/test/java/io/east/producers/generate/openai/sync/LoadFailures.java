package io.east.producers.generate.openai.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a weight sync's failed load must fail: whether the follower may retry it, and the words that say why. */
final class LoadFailures {

    private LoadFailures() {
    }

    /** Loading {@code checkpoint} fails as retryable or not, with a message that says all of {@code message}. */
    static void assertLoadFails(WeightSync sync, ServedCheckpoint checkpoint, boolean retryable, String... message) {
        assertThatThrownBy(() -> sync.load(checkpoint)).isInstanceOfSatisfying(WeightSyncException.class, e -> {
            assertThat(e.retryable()).as("retryable").isEqualTo(retryable);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
