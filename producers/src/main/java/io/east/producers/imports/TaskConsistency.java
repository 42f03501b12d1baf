package io.east.producers.imports;

import io.east.formats.BadLineException;
import io.east.schemas.ReasoningSample;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses samples that contradict earlier lines of the same import: a task's n and question must not change, and a
 * sample index must not repeat (the streams app would drop the repeat as a duplicate, silently).
 */
final class TaskConsistency {

    private record Task(int n, String questionId, Map<Integer, Long> lineOfIndex) {
    }

    private final Map<String, Task> tasks = new HashMap<>();

    /** Checks all samples of one line and records them only when every one is fine, so a bad line leaves no trace. */
    void accept(List<ReasoningSample> samples, long line) throws BadLineException {
        Map<String, Map<Integer, Long>> pending = new HashMap<>();
        for (ReasoningSample sample : samples) {
            Task task = tasks.get(sample.getTaskId());
            if (task != null) {
                check(task, sample);
            }
            Map<Integer, Long> indexes = pending.computeIfAbsent(sample.getTaskId(), id -> new HashMap<>());
            if (indexes.putIfAbsent(sample.getSampleIndex(), line) != null) {
                throw new BadLineException("task " + sample.getTaskId() + " repeats sample_index "
                        + sample.getSampleIndex() + " on this line");
            }
        }
        for (ReasoningSample sample : samples) {
            tasks.computeIfAbsent(sample.getTaskId(),
                    id -> new Task(sample.getN(), sample.getQuestionId(), new HashMap<>()))
                    .lineOfIndex().put(sample.getSampleIndex(), line);
        }
    }

    private static void check(Task task, ReasoningSample sample) throws BadLineException {
        if (sample.getN() != task.n()) {
            throw new BadLineException("task " + sample.getTaskId() + " has n=" + sample.getN()
                    + " but an earlier line said n=" + task.n());
        }
        if (!sample.getQuestionId().equals(task.questionId())) {
            throw new BadLineException("task " + sample.getTaskId() + " has question_id " + sample.getQuestionId()
                    + " but an earlier line said " + task.questionId());
        }
        Long earlier = task.lineOfIndex().get(sample.getSampleIndex());
        if (earlier != null) {
            throw new BadLineException("task " + sample.getTaskId() + " repeats sample_index "
                    + sample.getSampleIndex() + " of line " + earlier);
        }
    }
}
