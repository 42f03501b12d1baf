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
import java.util.function.LongConsumer;

/**
 * Reads a file of generations into question groups for the batch weighting, in order of each task's first line.
 * Bad lines are collected, not thrown, so the rest of the file is still used.
 */
public final class GroupFileReader {

    /** The groups that could be read, the lines that could not, and how many non-blank lines there were. */
    public record Result(List<QuestionGroup> groups, List<LineError> errors, long lines) {
    }

    private GroupFileReader() {
    }

    /** Where qwen-eval questions come from; their task ids are made as the importer makes them. */
    public record Origin(String dataset, int round) {

        public static final Origin IMPORT = new Origin("import", 0);
    }

    /**
     * @param origin dataset and round of qwen-eval lines (samples lines carry their own task ids)
     * @param onLine called with the running line count, for progress
     */
    public static Result read(Path file, InputFormat format, Origin origin, LongConsumer onLine) throws IOException {
        return format == InputFormat.QWEN_EVAL ? readQwenEval(file, origin, onLine) : readSamples(file, onLine);
    }

    private static Result readQwenEval(Path file, Origin origin, LongConsumer onLine) throws IOException {
        List<QuestionGroup> groups = new ArrayList<>();
        Map<String, Long> seenAt = new HashMap<>();
        LineScan scan = LineScan.of(file, onLine, line -> {
            QwenEvalQuestion question = QwenEvalFormat.parse(line.json());
            Long first = seenAt.putIfAbsent(question.questionId(), line.number());
            if (first != null) {
                throw new BadLineException("idx " + question.questionId() + " repeats line " + first);
            }
            groups.add(toGroup(question, origin));
        });
        return new Result(groups, scan.errors(), scan.lines());
    }

    /** The task id is the importer's, so the batch and streaming paths seed their choices alike. */
    public static QuestionGroup toGroup(QwenEvalQuestion question, Origin origin) {
        List<SampleAnswer> answers = new ArrayList<>(question.n());
        for (int i = 0; i < question.n(); i++) {
            answers.add(new SampleAnswer(i, question.predictions().get(i), question.scores().get(i),
                    AnswerExtractor.containsBoxed(question.responses().get(i))));
        }
        String taskId = TaskIds.of(origin.dataset(), question.questionId(), origin.round());
        return new QuestionGroup(taskId, question.questionId(), question.gold(), question.n(), answers);
    }

    private static Result readSamples(Path file, LongConsumer onLine) throws IOException {
        Map<String, TaskLines> tasks = new LinkedHashMap<>();
        LineScan scan = LineScan.of(file, onLine, line -> {
            ReasoningSample sample = SamplesFormat.parse(line.json());
            tasks.computeIfAbsent(sample.getTaskId(), id -> new TaskLines(sample)).add(sample, line.number());
        });
        List<QuestionGroup> groups = tasks.values().stream().map(TaskLines::toGroup).toList();
        return new Result(groups, scan.errors(), scan.lines());
    }

    /** The samples of one task seen so far, checked for consistency line by line. */
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
