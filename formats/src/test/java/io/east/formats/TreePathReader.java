package io.east.formats;

import io.east.core.TaskIds;
import io.east.core.answer.AnswerExtractor;
import io.east.core.batch.QuestionGroup;
import io.east.core.group.SampleAnswer;
import io.east.schemas.ReasoningSample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reader of generation files as it was before the streaming and parallel one: a tree per line, one line after
 * the other. Kept here only to prove that the new reader gives the same groups, errors and counts.
 */
final class TreePathReader {

    private TreePathReader() {
    }

    static GroupFileReader.Result read(Path file, InputFormat format, GroupFileReader.Origin origin)
            throws IOException {
        return format == InputFormat.QWEN_EVAL ? readQwenEval(file, origin) : readSamples(file);
    }

    private static GroupFileReader.Result readQwenEval(Path file, GroupFileReader.Origin origin) throws IOException {
        List<QuestionGroup> groups = new ArrayList<>();
        Map<String, Long> seenAt = new HashMap<>();
        LineScan scan = LineScan.of(file, count -> { }, line -> {
            QwenEvalQuestion question = QwenEvalFormat.parse(line.json());
            Long first = seenAt.putIfAbsent(question.questionId(), line.number());
            if (first != null) {
                throw new BadLineException("idx " + question.questionId() + " repeats line " + first);
            }
            groups.add(toGroup(question, origin));
        });
        return new GroupFileReader.Result(groups, scan.errors(), scan.lines());
    }

    private static QuestionGroup toGroup(QwenEvalQuestion question, GroupFileReader.Origin origin) {
        List<SampleAnswer> answers = new ArrayList<>(question.n());
        for (int i = 0; i < question.n(); i++) {
            answers.add(new SampleAnswer(i, question.predictions().get(i), question.scores().get(i),
                    AnswerExtractor.containsBoxed(question.responses().get(i))));
        }
        String taskId = TaskIds.of(origin.dataset(), question.questionId(), origin.round());
        return new QuestionGroup(taskId, question.questionId(), question.gold(), question.n(), answers);
    }

    private static GroupFileReader.Result readSamples(Path file) throws IOException {
        Map<String, TaskLines> tasks = new LinkedHashMap<>();
        LineScan scan = LineScan.of(file, count -> { }, line -> {
            ReasoningSample sample = SamplesFormat.parse(line.json());
            tasks.computeIfAbsent(sample.getTaskId(), id -> new TaskLines(sample)).add(sample, line.number());
        });
        List<QuestionGroup> groups = tasks.values().stream().map(TaskLines::toGroup).toList();
        return new GroupFileReader.Result(groups, scan.errors(), scan.lines());
    }

    private static final class TaskLines {
        private final ReasoningSample first;
        private final Map<Integer, Long> lineOfIndex = new HashMap<>();
        private final List<SampleAnswer> answers = new ArrayList<>();

        TaskLines(ReasoningSample first) {
            this.first = first;
        }

        void add(ReasoningSample sample, long line) throws BadLineException {
            if (sample.getN() != first.getN()) {
                throw new BadLineException("task " + sample.getTaskId() + " has n=" + sample.getN()
                        + " but its first sample said n=" + first.getN());
            }
            if (!sample.getQuestionId().equals(first.getQuestionId())) {
                throw new BadLineException("task " + sample.getTaskId() + " has question_id "
                        + sample.getQuestionId() + " but its first sample said " + first.getQuestionId());
            }
            Long earlier = lineOfIndex.putIfAbsent(sample.getSampleIndex(), line);
            if (earlier != null) {
                throw new BadLineException("task " + sample.getTaskId() + " repeats sample_index "
                        + sample.getSampleIndex() + " of line " + earlier);
            }
            answers.add(new SampleAnswer(sample.getSampleIndex(), sample.getPredictedAnswer(), sample.getCorrect(),
                    sample.getContainsBoxed()));
        }

        QuestionGroup toGroup() {
            return new QuestionGroup(first.getTaskId(), first.getQuestionId(), first.getGoldAnswer(), first.getN(),
                    answers);
        }
    }
}
