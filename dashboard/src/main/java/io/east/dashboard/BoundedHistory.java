package io.east.dashboard;

import java.util.ArrayDeque;
import java.util.List;

/** The latest {@code limit} items, oldest first: a dashboard that runs for weeks keeps a constant footprint. */
final class BoundedHistory<T> {

    private final int limit;
    private final ArrayDeque<T> items;

    BoundedHistory(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, got " + limit);
        }
        this.limit = limit;
        this.items = new ArrayDeque<>(Math.min(limit, 1024));
    }

    void add(T item) {
        if (items.size() == limit) {
            items.removeFirst();
        }
        items.addLast(item);
    }

    List<T> items() {
        return List.copyOf(items);
    }

    int size() {
        return items.size();
    }
}
