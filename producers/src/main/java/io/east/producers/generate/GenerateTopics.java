package io.east.producers.generate;

import io.east.schemas.topics.EastTopics;
import java.util.Objects;

/** Where a worker reads tasks and writes samples and dead letters; tests point these at topics of their own. */
public record GenerateTopics(String questions, String samples, String deadLetters) {

    public static final GenerateTopics DEFAULT =
            new GenerateTopics(EastTopics.QUESTIONS.name(), EastTopics.SAMPLES.name(), EastTopics.DLQ.name());

    public GenerateTopics {
        Objects.requireNonNull(questions, "questions");
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(deadLetters, "deadLetters");
    }
}
