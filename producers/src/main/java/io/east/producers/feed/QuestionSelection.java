package io.east.producers.feed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Which questions a feed asks, in which order: optionally shuffled with a seed, then the first L. */
public final class QuestionSelection {

    private QuestionSelection() {
    }

    /**
     * @param shuffleSeed null keeps the file's order; a seed gives the same order on every run and JVM
     *     (Collections.shuffle with java.util.Random, both specified algorithms)
     * @param limit null for all
     */
    public static List<FeedQuestion> select(List<FeedQuestion> questions, Long shuffleSeed, Integer limit) {
        if (limit != null && limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, got " + limit);
        }
        List<FeedQuestion> selected = new ArrayList<>(questions);
        if (shuffleSeed != null) {
            Collections.shuffle(selected, new Random(shuffleSeed));
        }
        return limit == null || limit >= selected.size() ? selected : List.copyOf(selected.subList(0, limit));
    }
}
