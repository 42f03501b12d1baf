package io.east.core.batch;

import io.east.core.group.SampleAnswer;
import java.util.List;

/**
 * The responses of one question task as read from a file.
 *
 * @param expected how many responses the task asked for (n); the file may hold fewer
 */
public record QuestionGroup(String taskId, String questionId, String gold, int expected, List<SampleAnswer> answers) {

    public QuestionGroup {
        answers = List.copyOf(answers);
    }
}
