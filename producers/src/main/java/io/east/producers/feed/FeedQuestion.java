package io.east.producers.feed;

import io.east.core.TaskIds;
import io.east.schemas.QuestionTask;
import java.time.Instant;
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

    /**
     * This question asked n times in one round of a dataset. The feeder and the sample file writer both make their
     * tasks here, so a file's task ids (and the choices seeded by them) agree with a topic's.
     */
    public QuestionTask task(String dataset, int round, int n, Instant createdAt) {
        return QuestionTask.newBuilder()
                .setTaskId(TaskIds.of(dataset, questionId, round))
                .setQuestionId(questionId)
                .setDataset(dataset)
                .setRound(round)
                .setQuestion(question)
                .setGoldAnswer(gold)
                .setN(n)
                .setLevel(level)
                .setCreatedAt(createdAt)
                .build();
    }
}
