package io.east.producers.generate.openai;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.regex.Pattern;

/**
 * When to try a request again. Attempt k (k = 0 for the first retry) waits a random time in
 * [b/2, b] with b = min(maxBackoff, initialBackoff * 2^k): exponential, with jitter so that workers throttled
 * together do not come back together. A server's Retry-After is honoured (never retry earlier), capped at
 * {@code maxRetryAfter} so a bad header cannot park a worker for hours.
 *
 * @param maxRetries retries after the first attempt; 0 means one attempt
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    public static final int DEFAULT_MAX_RETRIES = 5;
    public static final RetryPolicy DEFAULT = new RetryPolicy(DEFAULT_MAX_RETRIES, Duration.ofMillis(500),
            Duration.ofSeconds(30), Duration.ofMinutes(5));

    private static final Pattern SECONDS = Pattern.compile("\\d{1,9}(\\.\\d+)?");

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("max retries must be >= 0, got " + maxRetries);
        }
        requirePositive(initialBackoff, "initial backoff");
        requirePositive(maxBackoff, "max backoff");
        requirePositive(maxRetryAfter, "max Retry-After");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("max backoff " + maxBackoff + " is below the initial " + initialBackoff);
        }
    }

    public RetryPolicy withMaxRetries(int retries) {
        return new RetryPolicy(retries, initialBackoff, maxBackoff, maxRetryAfter);
    }

    /** The upper bound b of retry {@code retry}'s backoff (the wait is in [b/2, b]). */
    public Duration backoffCeiling(int retry) {
        if (retry < 0) {
            throw new IllegalArgumentException("retry must be >= 0, got " + retry);
        }
        long initial = initialBackoff.toMillis();
        long max = maxBackoff.toMillis();
        // Shifting past 62 bits overflows; by then every ceiling is max anyway.
        long ceiling = retry >= 62 || initial > (max >> retry) ? max : initial << retry;
        return Duration.ofMillis(Math.min(ceiling, max));
    }

    /** The wait before retry {@code retry}; {@code random} gives values in [0, 1). */
    public Duration backoff(int retry, DoubleSupplier random) {
        long ceiling = backoffCeiling(retry).toMillis();
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (ceiling - half)));
    }

    /** The wait before retry {@code retry}, at least the server's (capped) Retry-After when it sent one. */
    public Duration delay(int retry, Optional<Duration> retryAfter, DoubleSupplier random) {
        Duration backoff = backoff(retry, random);
        if (retryAfter.isEmpty()) {
            return backoff;
        }
        Duration capped = retryAfter.get().compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter.get();
        return capped.compareTo(backoff) > 0 ? capped : backoff;
    }

    /** A Retry-After header: delay-seconds (fractions tolerated) or an HTTP date; empty when absent or garbled. */
    public static Optional<Duration> parseRetryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (SECONDS.matcher(value).matches()) {
            return Optional.of(Duration.ofMillis((long) (Double.parseDouble(value) * 1000)));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static void requirePositive(Duration duration, String what) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + duration);
        }
    }
}
