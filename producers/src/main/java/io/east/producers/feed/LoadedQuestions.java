package io.east.producers.feed;

import io.east.formats.LineError;
import java.util.List;

/**
 * The questions of a dataset that could be read, the lines that could not, and how many non-blank lines there were
 * (0 for the synthetic dataset).
 */
public record LoadedQuestions(List<FeedQuestion> questions, List<LineError> errors, long lines) {

    public LoadedQuestions {
        questions = List.copyOf(questions);
        errors = List.copyOf(errors);
    }
}
