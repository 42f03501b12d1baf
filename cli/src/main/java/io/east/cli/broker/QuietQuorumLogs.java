package io.east.cli.broker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;

/**
 * While the nodes of a cluster start together, each warns that the others' controller ports do not answer yet, and
 * when all stop together the last voter cannot resign: expected, so those loggers are raised for that moment only.
 */
final class QuietQuorumLogs {

    private static final List<String> LOGGERS = List.of("org.apache.kafka.clients.NetworkClient", "org.apache.kafka.raft",
            "org.apache.kafka.controller");

    private QuietQuorumLogs() {
    }

    static <T> T during(Callable<T> action) throws Exception {
        List<Logger> loggers = LOGGERS.stream()
                .map(name -> LoggerFactory.getLogger(name))
                .filter(Logger.class::isInstance).map(Logger.class::cast).toList();
        List<Level> before = loggers.stream().map(Logger::getLevel).toList();
        loggers.forEach(logger -> logger.setLevel(Level.OFF));
        try {
            return action.call();
        } finally {
            for (int i = 0; i < loggers.size(); i++) {
                loggers.get(i).setLevel(before.get(i));
            }
        }
    }
}
