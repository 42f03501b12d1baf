package io.east.producers.imports;

import io.east.formats.BadLineException;
import io.east.formats.TaskSamples;
import io.east.schemas.ReasoningSample;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses samples that contradict earlier lines of the same import, by the rule of {@link TaskSamples}; a repeated
 * sample index matters here because the streams app would drop the repeat as a duplicate, silently.
 */
final class TaskConsistency {

    /** Each task's accepted sample indexes, with the line each came from. */
    private final Map<String, TaskSamples<Long>> tasks = new HashMap<>();

    /** Checks all samples of one line and records them only when every one is fine, so a bad line leaves no trace. */
    void accept(List<ReasoningSample> samples, long line) throws BadLineException {
        Map<String, Set<Integer>> onThisLine = new HashMap<>();
        for (ReasoningSample sample : samples) {
            TaskSamples<Long> task = tasks.get(sample.getTaskId());
            if (task != null) {
                check(task, sample);
            }
            if (!onThisLine.computeIfAbsent(sample.getTaskId(), id -> new HashSet<>()).add(sample.getSampleIndex())) {
                throw new BadLineException(TaskSamples.repeated(sample.getTaskId(), sample.getSampleIndex())
                        + " on this line");
            }
        }
        for (ReasoningSample sample : samples) {
            tasks.computeIfAbsent(sample.getTaskId(), id -> new TaskSamples<>(id, sample.getN(),
                    sample.getQuestionId(), TaskSamples.Since.EARLIER_LINE)).keep(sample.getSampleIndex(), line);
        }
    }

    private static void check(TaskSamples<Long> task, ReasoningSample sample) throws BadLineException {
        Optional<String> contradiction = task.contradiction(sample.getN(), sample.getQuestionId());
        if (contradiction.isPresent()) {
            throw new BadLineException(contradiction.get());
        }
        Optional<Long> earlier = task.kept(sample.getSampleIndex());
        if (earlier.isPresent()) {
            throw new BadLineException(task.repeated(sample.getSampleIndex(), earlier.get()));
        }
    }
}
