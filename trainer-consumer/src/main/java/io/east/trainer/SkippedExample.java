package io.east.trainer;

/**
 * A consumed record that was not trained on, as recorded in a checkpoint's {@value CheckpointStore#SKIPPED}.
 *
 * @param taskId null when the record did not decode
 */
public record SkippedExample(SourcePosition position, String taskId, SkipReason reason, String detail) {}
