package io.east.ablation;

import io.east.formats.LineError;
import io.east.formats.TaskSamples;
import io.east.schemas.ReasoningSample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects samples into tasks by the rule of {@link TaskSamples}: a sample whose n or question id differs from its
 * task's first sample is refused, as the batch reader refuses it (the streams app compares n only), and a repeated
 * sample_index is refused with the first one counting, as the streams app keeps it.
 */
final class SampleLogBuilder {

    private record Pending(int partition, TaskSamples<ReasoningSample> samples) {
    }

    private final Map<String, Pending> tasks = new LinkedHashMap<>();
    private final List<LineError> errors = new ArrayList<>();
    private long accepted;
    private long skipped;

    /** @return why the sample was not used, or empty when it was */
    Optional<String> add(ReasoningSample sample, int partition) {
        Pending task = tasks.computeIfAbsent(sample.getTaskId(), id -> new Pending(partition,
                new TaskSamples<>(id, sample.getN(), sample.getQuestionId(), TaskSamples.Since.FIRST_SAMPLE)));
        Optional<String> problem = task.samples().contradiction(sample.getN(), sample.getQuestionId());
        if (problem.isEmpty() && task.samples().keep(sample.getSampleIndex(), sample).isPresent()) {
            problem = Optional.of(task.samples().repeated(sample.getSampleIndex()));
        }
        if (problem.isPresent()) {
            skipped++;
            return problem;
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
            if (!task.samples().byIndex().isEmpty()) {
                built.add(new LoggedTask(id, task.partition(), task.samples().byIndex()));
            }
        });
        return new SampleLog(source, built, accepted, errors, skipped);
    }
}
