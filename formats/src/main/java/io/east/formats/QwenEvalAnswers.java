package io.east.formats;

import io.east.core.TaskIds;
import io.east.core.answer.AnswerExtractor;
import io.east.core.batch.QuestionGroup;
import io.east.core.group.SampleAnswer;
import java.util.ArrayList;
import java.util.List;

/**
 * What the weighting needs of one qwen-eval line: its id, its gold answer, and per response the answer, the verdict
 * and whether it is boxed. The responses themselves are not kept.
 */
public record QwenEvalAnswers(String questionId, String gold, List<SampleAnswer> answers) {

    public QwenEvalAnswers {
        answers = List.copyOf(answers);
    }

    public static QwenEvalAnswers of(QwenEvalQuestion question) {
        List<SampleAnswer> answers = new ArrayList<>(question.n());
        for (int i = 0; i < question.n(); i++) {
            answers.add(new SampleAnswer(i, question.predictions().get(i), question.scores().get(i),
                    AnswerExtractor.containsBoxed(question.responses().get(i))));
        }
        return new QwenEvalAnswers(question.questionId(), question.gold(), answers);
    }

    /** The task id is the importer's, so the batch and streaming paths seed their choices alike. */
    public QuestionGroup toGroup(GroupFileReader.Origin origin) {
        String taskId = TaskIds.of(origin.dataset(), questionId, origin.round());
        return new QuestionGroup(taskId, questionId, gold, answers.size(), answers);
    }
}
