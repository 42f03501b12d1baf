package io.east.cli.common;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.List;

/**
 * How every east command logs, set up in code rather than read from XML, which costs a short command a tenth of a
 * second: lines on stderr (stdout carries only data), the level from EAST_LOG_LEVEL (default INFO), and the broker
 * and Kafka clients, chatty at INFO, at WARN. A {@code -Dlogback.configurationFile} or a logback-test.xml on the
 * class path (the tests) takes over instead.
 */
public final class ConsoleLogging extends ContextAwareBase implements Configurator {

    private static final List<String> WARN_ONLY = List.of("org.apache.kafka", "kafka", "state.change.logger",
            "org.apache.zookeeper");

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || ConsoleLogging.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg %kvp%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getenv("EAST_LOG_LEVEL"), Level.INFO));
        root.addAppender(stderr);
        WARN_ONLY.forEach(name -> context.getLogger(name).setLevel(Level.WARN));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
