package io.east.producers.generate.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy =
            new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(5));

    @Test
    void ceilingsDoubleUpToTheMaximum() {
        assertThat(policy.backoffCeiling(0)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.backoffCeiling(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoffCeiling(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(policy.backoffCeiling(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.backoffCeiling(200)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void jitterStaysBetweenHalfTheCeilingAndTheCeiling() {
        for (int retry = 0; retry < 10; retry++) {
            Duration ceiling = policy.backoffCeiling(retry);
            assertThat(policy.backoff(retry, () -> 0.0)).isEqualTo(ceiling.dividedBy(2));
            assertThat(policy.backoff(retry, () -> 0.999_999)).isBetween(ceiling.minusMillis(1), ceiling);
            for (int i = 0; i < 100; i++) {
                assertThat(policy.backoff(retry, Math::random)).isBetween(ceiling.dividedBy(2), ceiling);
            }
        }
    }

    @Test
    void retryAfterIsHonouredButCapped() {
        assertThat(policy.delay(0, Optional.of(Duration.ofSeconds(7)), () -> 0.5)).isEqualTo(Duration.ofSeconds(7));
        assertThat(policy.delay(0, Optional.of(Duration.ofMillis(1)), () -> 0.0))
                .as("a short Retry-After does not shorten the backoff").isEqualTo(Duration.ofMillis(250));
        assertThat(policy.delay(0, Optional.of(Duration.ofDays(2)), () -> 0.5)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void parsesRetryAfterSecondsAndDates() {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        assertThat(RetryPolicy.parseRetryAfter("3", now)).contains(Duration.ofSeconds(3));
        assertThat(RetryPolicy.parseRetryAfter(" 1.5 ", now)).contains(Duration.ofMillis(1500));
        assertThat(RetryPolicy.parseRetryAfter("Wed, 01 Jan 2025 00:00:10 GMT", now)).contains(Duration.ofSeconds(10));
        assertThat(RetryPolicy.parseRetryAfter("Tue, 31 Dec 2024 23:59:00 GMT", now)).contains(Duration.ZERO);
        assertThat(RetryPolicy.parseRetryAfter("soon", now)).isEmpty();
        assertThat(RetryPolicy.parseRetryAfter("-5", now)).isEmpty();
        assertThat(RetryPolicy.parseRetryAfter(null, now)).isEmpty();
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new RetryPolicy(-1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(1)))
                .hasMessageContaining("max retries");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessageContaining("below the initial");
    }
}
