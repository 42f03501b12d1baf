package io.east.ablation;

import io.east.formats.LineError;
import java.util.List;

/**
 * A whole sample log in memory, tasks in the order their first sample appears (file lines, or partition then offset),
 * with what could not be read.
 *
 * @param source what was read, for the report: a file path or {@code topic east.samples}
 * @param samples samples accepted
 * @param errors malformed or inconsistent lines of a file (a topic's undecodable records are only counted)
 * @param skipped records that were read but not used (undecodable, inconsistent with their task, repeated)
 */
public record SampleLog(String source, List<LoggedTask> tasks, long samples, List<LineError> errors, long skipped) {

    public SampleLog {
        tasks = List.copyOf(tasks);
        errors = List.copyOf(errors);
    }
}
