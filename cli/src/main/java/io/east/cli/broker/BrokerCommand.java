package io.east.cli.broker;

import io.east.broker.BrokerSettings;
import io.east.broker.EmbeddedKafkaBroker;
import io.east.cli.common.ExitCodes;
import io.east.schemas.topics.TopicCreator;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs a real single-node KRaft broker in this JVM until SIGTERM or Ctrl-C. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {
            "Run a real single-node Kafka broker (KRaft, broker and controller in one process) in this JVM.",
            "Creates the east topics, prints 'bootstrap=127.0.0.1:PORT' on stdout once it accepts connections, "
                    + "and stops cleanly on SIGTERM or Ctrl-C."})
public final class BrokerCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerCommand.class);

    @Option(names = "--port", paramLabel = "P", defaultValue = "9092",
            description = "Client port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--data-dir", paramLabel = "D",
            description = "Where logs and metadata live; kept, so a restart on the same directory resumes. "
                    + "Default: a temporary directory deleted on exit.")
    private Path dataDir;

    @Override
    public Integer call() throws Exception {
        BrokerSettings settings = BrokerSettings.builder().port(port).dataDir(dataDir).build();
        CountDownLatch stopped = new CountDownLatch(1);
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(settings);
        Thread hook = new Thread(() -> {
            LOG.info("stopping the broker");
            broker.close();
            stopped.countDown();
        }, "east-broker-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        broker.start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers()))) {
            TopicCreator.ensureAll(admin);
        }
        LOG.atInfo().addKeyValue("bootstrap", broker.bootstrapServers())
                .addKeyValue("data_dir", broker.dataDir()).log("broker ready");
        System.out.println("bootstrap=" + broker.bootstrapServers());
        System.out.flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
