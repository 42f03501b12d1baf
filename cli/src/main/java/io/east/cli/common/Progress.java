package io.east.cli.common;

import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of long work: a bar on a terminal, a log line every few seconds otherwise (CI logs and pipes should not
 * fill with carriage returns).
 */
public final class Progress implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);
    private static final long LOG_EVERY_NANOS = Duration.ofSeconds(5).toNanos();

    private final String task;
    private final String unit;
    private final ProgressBar bar;
    private long done;
    private long lastLog = System.nanoTime();

    private Progress(String task, String unit, long total) {
        this.task = task;
        this.unit = unit;
        this.bar = System.console() == null ? null : new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setUnit(" " + unit, 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .continuousUpdate()
                .build();
    }

    /** @param total the amount of work, or -1 when unknown */
    public static Progress start(String task, String unit, long total) {
        return new Progress(task, unit, total);
    }

    public void stepTo(long value) {
        done = value;
        if (bar != null) {
            bar.stepTo(value);
        } else if (System.nanoTime() - lastLog > LOG_EVERY_NANOS) {
            lastLog = System.nanoTime();
            LOG.atInfo().addKeyValue("task", task).addKeyValue(unit, done).log("progress");
        }
    }

    public void step() {
        stepTo(done + 1);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
