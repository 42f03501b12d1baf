package io.east.cli.demo;

import java.util.Locale;

/** A stage of the loop: the east command of that name, run as a process of its own that logs to a file of its own. */
enum Stage {
    STREAMS, GENERATE, TRAIN, EVAL, DASHBOARD, FEED, SERVE;

    /** The east command, which also names the stage's process and log. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
