package io.east.ablation;

import io.east.core.group.GroupAnalysis;

/** A task of the sample log that the keep rules keep, with its analysis (the same under every config). */
public record KeptTask(LoggedTask task, GroupAnalysis analysis) {

    public KeptTask {
        if (!analysis.kept()) {
            throw new IllegalArgumentException("task " + task.taskId() + " is not kept");
        }
    }

    public String taskId() {
        return task.taskId();
    }
}
