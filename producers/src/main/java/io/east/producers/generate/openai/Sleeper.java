package io.east.producers.generate.openai;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits between retries; tests substitute one that records the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = duration -> TimeUnit.MILLISECONDS.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
