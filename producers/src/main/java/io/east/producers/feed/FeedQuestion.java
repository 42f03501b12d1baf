package io.east.producers.feed;

import java.util.Objects;

/**
 * A question the feeder can ask in any round.
 *
 * @param questionId stable across rounds and runs
 * @param gold the gold final answer
 * @param level difficulty where the dataset has one, else null
 */
public record FeedQuestion(String questionId, String question, String gold, String level) {

    public FeedQuestion {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(gold, "gold");
    }
}
