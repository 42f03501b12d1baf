package io.east.cli.demo;

import io.east.broker.BrokerSettings;
import io.east.broker.EmbeddedKafkaBroker;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One embedded broker in the driver's JVM, stopped and started again on the same data directory and port. */
final class SingleChaosBroker implements ChaosBroker {

    private static final Logger LOG = LoggerFactory.getLogger(SingleChaosBroker.class);

    private final BrokerSettings settings;
    private EmbeddedKafkaBroker broker;
    private int restarts;

    SingleChaosBroker(Path dataDir) {
        this.settings = BrokerSettings.builder().dataDir(dataDir).build();
        this.broker = new EmbeddedKafkaBroker(settings).start();
    }

    @Override
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public void disrupt() {
        int port = broker.port();
        int controllerPort = broker.controllerPort();
        broker.close();
        LOG.atInfo().addKeyValue("port", port).log("chaos: broker stopped; restarting it on the same data directory");
        broker = new EmbeddedKafkaBroker(settings.toBuilder().port(port).controllerPort(controllerPort).build()).start();
        restarts++;
        LOG.atInfo().addKeyValue("port", port).log("chaos: broker back");
    }

    @Override
    public String disruptions() {
        return "broker restarts " + restarts;
    }

    @Override
    public void close() {
        broker.close();
    }
}
