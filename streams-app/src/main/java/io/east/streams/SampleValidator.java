package io.east.streams;

import io.east.schemas.ReasoningSample;
import java.util.Optional;

/** The checks a sample must pass before it may join a group; a failure names the field and the value. */
final class SampleValidator {

    /** No sampling setting of the method asks for more; a larger n is a corrupt record, not a big experiment. */
    static final int MAX_N = 100_000;
    /**
     * A sample's bytes go into its task's open-group state record, and its text into a group summary and a weighted
     * example, each of which must fit a topic's 1 MB default; no model writes a response this long.
     */
    static final int MAX_SAMPLE_BYTES = 256 * 1024;

    private SampleValidator() {
    }

    /** @param bytes the size of the record as it arrived */
    static Optional<String> problem(String key, ReasoningSample sample, int bytes) {
        if (bytes > MAX_SAMPLE_BYTES) {
            return Optional.of("the record has " + bytes + " bytes, more than the " + MAX_SAMPLE_BYTES
                    + " a sample may have");
        }
        String taskId = sample.getTaskId();
        if (taskId == null || taskId.isBlank()) {
            return Optional.of("empty task_id");
        }
        if (taskId.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("task_id holds a control character");
        }
        if (!taskId.equals(key)) {
            // Grouping relies on all samples of a task sharing a partition, which only the key guarantees.
            return Optional.of("record key '" + key + "' differs from task_id '" + taskId + "'");
        }
        if (sample.getQuestionId() == null || sample.getQuestionId().isBlank()) {
            return Optional.of("empty question_id");
        }
        if (sample.getN() < 1 || sample.getN() > MAX_N) {
            return Optional.of("n must be in [1, " + MAX_N + "], got " + sample.getN());
        }
        if (sample.getSampleIndex() < 0 || sample.getSampleIndex() >= sample.getN()) {
            return Optional.of("sample_index must be in [0, " + sample.getN() + "), got " + sample.getSampleIndex());
        }
        if (sample.getRound() < 0) {
            return Optional.of("round must be >= 0, got " + sample.getRound());
        }
        if (sample.getTokenCount() < 0) {
            return Optional.of("token_count must be >= 0, got " + sample.getTokenCount());
        }
        if (sample.getMeanLogprob() != null && !Double.isFinite(sample.getMeanLogprob())) {
            return Optional.of("mean_logprob must be finite, got " + sample.getMeanLogprob());
        }
        return Optional.empty();
    }
}
