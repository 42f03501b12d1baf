package io.east.producers.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/** The events a logger (a class, or a package and its classes) logs at WARN and above while open. */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogCapture(Class<?> source) {
        this(source.getName());
    }

    public LogCapture(String loggerName) {
        logger = (Logger) LoggerFactory.getLogger(loggerName);
        appender.start();
        logger.addAppender(appender);
    }

    /** Each as "message key=value ...". Callable from any thread: the appender adds events holding its own monitor, which this copy holds too. */
    public List<String> warnings() {
        List<ILoggingEvent> events;
        synchronized (appender) {
            events = List.copyOf(appender.list);
        }
        return events.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).map(LogCapture::render).toList();
    }

    private static String render(ILoggingEvent event) {
        String pairs = event.getKeyValuePairs() == null ? "" : event.getKeyValuePairs().stream()
                .map(kv -> kv.key + "=" + kv.value).collect(Collectors.joining(" "));
        return event.getFormattedMessage() + " " + pairs;
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
