package io.east.producers.generate;

import io.east.schemas.QuestionTask;
import java.time.Instant;

/** Question tasks for tests. */
public final class Tasks {

    private Tasks() {
    }

    public static QuestionTask task(String taskId, String question, String gold, int n) {
        return QuestionTask.newBuilder()
                .setTaskId(taskId)
                .setQuestionId("q-" + taskId)
                .setDataset("synthetic")
                .setRound(2)
                .setQuestion(question)
                .setGoldAnswer(gold)
                .setN(n)
                .setCreatedAt(Instant.ofEpochMilli(1_000))
                .build();
    }
}
