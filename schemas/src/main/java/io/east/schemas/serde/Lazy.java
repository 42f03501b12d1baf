package io.east.schemas.serde;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made on first use by the first thread that asks, then shared. A failed attempt leaves nothing behind, so
 * the next call tries again.
 */
final class Lazy<T> implements Supplier<T> {

    private final Supplier<T> make;
    private volatile T value;

    Lazy(Supplier<T> make) {
        this.make = Objects.requireNonNull(make, "make");
    }

    @Override
    public T get() {
        T made = value;
        if (made == null) {
            synchronized (this) {
                made = value;
                if (made == null) {
                    made = Objects.requireNonNull(make.get(), "a lazy value");
                    value = made;
                }
            }
        }
        return made;
    }
}
