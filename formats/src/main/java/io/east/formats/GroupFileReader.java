package io.east.formats;

import io.east.core.batch.QuestionGroup;
import io.east.core.group.SampleAnswer;
import io.east.schemas.ReasoningSample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        return read(file, format, origin, onLine, ParallelLineScan.Split.forThisMachine());
    }

    static Result read(Path file, InputFormat format, Origin origin, LongConsumer onLine, ParallelLineScan.Split split)
            throws IOException {
        return format == InputFormat.QWEN_EVAL ? readQwenEval(file, origin, onLine, split)
                : readSamples(file, onLine, split);
    }

    private static Result readQwenEval(Path file, Origin origin, LongConsumer onLine, ParallelLineScan.Split split)
            throws IOException {
        List<QuestionGroup> groups = new ArrayList<>();
        Map<String, Long> seenAt = new HashMap<>();
        LineScan scan = ParallelLineScan.scan(file, split, onLine, GroupFileReader::qwenEvalAnswers,
                (answers, line) -> {
            Long first = seenAt.putIfAbsent(answers.questionId(), line);
            if (first != null) {
                throw new BadLineException("idx " + answers.questionId() + " repeats line " + first);
            }
            groups.add(answers.toGroup(origin));
        });
        return new Result(groups, scan.errors(), scan.lines());
    }

    /** The streaming parser when the line is plainly valid, else the tree path, which words the errors. */
    static QwenEvalAnswers qwenEvalAnswers(byte[] utf8, int offset, int length) throws BadLineException {
        QwenEvalAnswers fast = QwenEvalStreamReader.read(utf8, offset, length);
        if (fast != null) {
            return fast;
        }
        return QwenEvalAnswers.of(QwenEvalFormat.parse(JsonLines.parseObject(text(utf8, offset, length))));
    }

    private static String text(byte[] utf8, int offset, int length) {
        return new String(utf8, offset, length, StandardCharsets.UTF_8);
    }

    /** The task id is the importer's, so the batch and streaming paths seed their choices alike. */
    public static QuestionGroup toGroup(QwenEvalQuestion question, Origin origin) {
        return QwenEvalAnswers.of(question).toGroup(origin);
    }

    private static Result readSamples(Path file, LongConsumer onLine, ParallelLineScan.Split split) throws IOException {
        Map<String, TaskLines> tasks = new LinkedHashMap<>();
        LineScan scan = ParallelLineScan.scan(file, split, onLine, GroupFileReader::sampleLine, (sample, line) ->
                tasks.computeIfAbsent(sample.taskId(), id -> new TaskLines(sample)).add(sample, line));
        List<QuestionGroup> groups = tasks.values().stream().map(TaskLines::toGroup).toList();
        return new Result(groups, scan.errors(), scan.lines());
    }

    private static SampleLine sampleLine(byte[] utf8, int offset, int length) throws BadLineException {
        return SampleLine.of(SamplesFormat.parse(JsonLines.parseObject(text(utf8, offset, length))));
    }

    /** What the grouping needs of one samples line; the response is not kept. */
    private record SampleLine(String taskId, String questionId, String gold, int n, SampleAnswer answer) {

        static SampleLine of(ReasoningSample sample) {
            return new SampleLine(sample.getTaskId(), sample.getQuestionId(), sample.getGoldAnswer(), sample.getN(),
                    new SampleAnswer(sample.getSampleIndex(), sample.getPredictedAnswer(), sample.getCorrect(),
                            sample.getContainsBoxed()));
        }
    }

    /** The samples of one task seen so far, checked for consistency line by line. */
    private static final class TaskLines {
        private final SampleLine first;
        private final TaskSamples<LineAnswer> samples;

        TaskLines(SampleLine first) {
            this.first = first;
            this.samples = new TaskSamples<>(first.taskId(), first.n(), first.questionId(),
                    TaskSamples.Since.FIRST_SAMPLE);
        }

        void add(SampleLine sample, long line) throws BadLineException {
            Optional<String> contradiction = samples.contradiction(sample.n(), sample.questionId());
            if (contradiction.isPresent()) {
                throw new BadLineException(contradiction.get());
            }
            int index = sample.answer().sampleIndex();
            Optional<LineAnswer> earlier = samples.keep(index, new LineAnswer(line, sample.answer()));
            if (earlier.isPresent()) {
                throw new BadLineException(samples.repeated(index, earlier.get().line()));
            }
        }

        QuestionGroup toGroup() {
            List<SampleAnswer> answers = samples.byIndex().values().stream().map(LineAnswer::answer).toList();
            return new QuestionGroup(first.taskId(), first.questionId(), first.gold(), first.n(), answers);
        }
    }

    /** An answer and the line it came from, which a repeat of its index names. */
    private record LineAnswer(long line, SampleAnswer answer) {
    }
}
