package io.east.ablation;

import io.east.core.batch.QuestionGroup;
import io.east.core.group.SampleAnswer;
import io.east.schemas.ReasoningSample;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One question task of a sample log with its samples by sample_index.
 *
 * @param partition the east.samples partition it was read from; -1 for a file
 */
public record LoggedTask(String taskId, int partition, Map<Integer, ReasoningSample> samples) {

    public LoggedTask {
        samples = Map.copyOf(samples);
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("task " + taskId + " has no samples");
        }
    }

    public ReasoningSample first() {
        return samples.values().stream().min(Comparator.comparingInt(ReasoningSample::getSampleIndex))
                .orElseThrow();
    }

    /** What the core analysis reads, as the batch tool and the streams app build it. */
    public QuestionGroup group() {
        ReasoningSample first = first();
        List<SampleAnswer> answers = samples.values().stream()
                .map(s -> new SampleAnswer(s.getSampleIndex(), s.getPredictedAnswer(), s.getCorrect(),
                        s.getContainsBoxed()))
                .toList();
        return new QuestionGroup(taskId, first.getQuestionId(), first.getGoldAnswer(), first.getN(), answers);
    }

    public Optional<ReasoningSample> sample(int index) {
        return Optional.ofNullable(samples.get(index));
    }

    /** The newest policy among the samples, as the streams app stamps its examples. */
    public long policyVersion() {
        return samples.values().stream().mapToLong(ReasoningSample::getPolicyVersion).max().orElse(0);
    }
}
