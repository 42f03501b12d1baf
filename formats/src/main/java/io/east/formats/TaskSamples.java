package io.east.formats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The rule the samples of one task keep wherever they are read: all agree on n and question id, and no sample_index
 * repeats. Each index keeps what its caller needs of it (a line number, an answer, the sample); what a broken rule
 * costs (a bad line, a skipped sample) is the caller's choice, the wording of the reason is not.
 *
 * @param <T> what is kept for each accepted sample index
 */
public final class TaskSamples<T> {

    /** What a reason names as the source of the task's n and question id. */
    public enum Since {
        /** Each sample is checked against the task's first one. */
        FIRST_SAMPLE("its first sample"),
        /** Whole lines are checked against the lines before them. */
        EARLIER_LINE("an earlier line");

        private final String words;

        Since(String words) {
            this.words = words;
        }
    }

    private final String taskId;
    private final int n;
    private final String questionId;
    private final Since since;
    private final Map<Integer, T> byIndex = new LinkedHashMap<>();

    /** A task whose n and question id are those of its first sample. */
    public TaskSamples(String taskId, int n, String questionId, Since since) {
        this.taskId = Objects.requireNonNull(taskId, "taskId");
        this.n = n;
        this.questionId = Objects.requireNonNull(questionId, "questionId");
        this.since = Objects.requireNonNull(since, "since");
    }

    /** @return why a sample with this n and question id is not one of this task's, or empty when it may be */
    public Optional<String> contradiction(int sampleN, String sampleQuestionId) {
        if (sampleN != n) {
            return Optional.of("task " + taskId + " has n=" + sampleN + " but " + since.words + " said n=" + n);
        }
        if (!sampleQuestionId.equals(questionId)) {
            return Optional.of("task " + taskId + " has question_id " + sampleQuestionId + " but " + since.words
                    + " said " + questionId);
        }
        return Optional.empty();
    }

    /** What was kept for this index, if it was accepted before. */
    public Optional<T> kept(int sampleIndex) {
        return Optional.ofNullable(byIndex.get(sampleIndex));
    }

    /**
     * Keeps {@code value} for a new index; a repeated index keeps what it had.
     *
     * @return what the index already had when it repeats, or empty when {@code value} was kept
     */
    public Optional<T> keep(int sampleIndex, T value) {
        return Optional.ofNullable(byIndex.putIfAbsent(sampleIndex, Objects.requireNonNull(value, "value")));
    }

    /** The kept values by sample index, in the order they were kept. */
    public Map<Integer, T> byIndex() {
        return Collections.unmodifiableMap(byIndex);
    }

    public String taskId() {
        return taskId;
    }

    public int n() {
        return n;
    }

    public String questionId() {
        return questionId;
    }

    /** The reason for a sample whose index this task already has. */
    public String repeated(int sampleIndex) {
        return repeated(taskId, sampleIndex);
    }

    /** The reason for a sample whose index this task already has from {@code earlierLine}. */
    public String repeated(int sampleIndex, long earlierLine) {
        return repeated(sampleIndex) + " of line " + earlierLine;
    }

    /** The reason for a repeated index where there is no task to ask yet, such as twice on one line. */
    public static String repeated(String taskId, int sampleIndex) {
        return "task " + taskId + " repeats sample_index " + sampleIndex;
    }
}
