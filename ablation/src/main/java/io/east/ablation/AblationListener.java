package io.east.ablation;

/** Told about the ablation's progress, on its thread: for a progress bar. */
public interface AblationListener {

    AblationListener NONE = new AblationListener() {
    };

    /** Before the first run, once the example set is known. */
    default void planned(int runs, int examples, long stepsPerRun) {
    }

    /** After each (config, seed) run, the {@code done}-th of all. */
    default void finished(int done, RunResult result) {
    }
}
