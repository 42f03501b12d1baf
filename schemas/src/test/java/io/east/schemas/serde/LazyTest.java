package io.east.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyTest {

    @Test
    void makesTheValueOnceAndSharesIt() {
        AtomicInteger made = new AtomicInteger();
        Lazy<Object> lazy = new Lazy<>(() -> {
            made.incrementAndGet();
            return new Object();
        });

        Object first = lazy.get();

        assertThat(lazy.get()).isSameAs(first);
        assertThat(made).hasValue(1);
    }

    @Test
    void triesAgainAfterAFailedAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        Lazy<String> lazy = new Lazy<>(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("not yet");
            }
            return "made";
        });

        assertThatThrownBy(lazy::get).isInstanceOf(IllegalStateException.class).hasMessage("not yet");
        assertThat(lazy.get()).isEqualTo("made");
        assertThat(attempts).hasValue(2);
    }
}
