package io.east.ablation;

import io.east.formats.LineError;
import io.east.schemas.ReasoningSample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects samples into tasks, with the checks the batch reader and the streams app make: every sample of a task
 * has the task's n and question id, and a repeated sample_index is not used again (the first one counts).
 */
final class SampleLogBuilder {

    private record Pending(int partition, ReasoningSample first, Map<Integer, ReasoningSample> byIndex) {
    }

    private final Map<String, Pending> tasks = new LinkedHashMap<>();
    private final List<LineError> errors = new ArrayList<>();
    private long accepted;
    private long skipped;

    /** @return why the sample was not used, or empty when it was */
    Optional<String> add(ReasoningSample sample, int partition) {
        Pending task = tasks.computeIfAbsent(sample.getTaskId(),
                id -> new Pending(partition, sample, new HashMap<>()));
        String problem = null;
        if (sample.getN() != task.first().getN()) {
            problem = "task " + sample.getTaskId() + " has n=" + sample.getN() + " but its first sample said n="
                    + task.first().getN();
        } else if (!sample.getQuestionId().equals(task.first().getQuestionId())) {
            problem = "task " + sample.getTaskId() + " has question_id " + sample.getQuestionId()
                    + " but its first sample said " + task.first().getQuestionId();
        } else if (task.byIndex().putIfAbsent(sample.getSampleIndex(), sample) != null) {
            problem = "task " + sample.getTaskId() + " repeats sample_index " + sample.getSampleIndex();
        }
        if (problem != null) {
            skipped++;
            return Optional.of(problem);
        }
        accepted++;
        return Optional.empty();
    }

    /** A line that could not be read as a sample: reported and counted as skipped. */
    void error(LineError error) {
        errors.add(error);
        skipped++;
    }

    /** Reports where a sample that {@link #add} refused came from; add has already counted it as skipped. */
    void refused(LineError error) {
        errors.add(error);
    }

    void skipped() {
        skipped++;
    }

    SampleLog build(String source) {
        List<LoggedTask> built = new ArrayList<>(tasks.size());
        tasks.forEach((id, task) -> {
            if (!task.byIndex().isEmpty()) {
                built.add(new LoggedTask(id, task.partition(), task.byIndex()));
            }
        });
        return new SampleLog(source, built, accepted, errors, skipped);
    }
}
