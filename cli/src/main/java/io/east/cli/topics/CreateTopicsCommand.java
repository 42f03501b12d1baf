package io.east.cli.topics;

import io.east.broker.BrokerReadiness;
import io.east.cli.common.Durations;
import io.east.cli.common.ExitCodes;
import io.east.cli.common.KafkaOptions;
import io.east.cli.common.Usage;
import io.east.formats.JsonOutput;
import io.east.schemas.topics.TopicCreator;
import io.east.schemas.topics.TopicSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Creates every east topic from its declared spec; what the deployment's one-shot topics service runs. */
@Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false)
public final class CreateTopicsCommand implements Callable<Integer> {

    @Option(names = "--replication-factor", paramLabel = "R") private Short replicationFactor;
    @Option(names = "--experiment", paramLabel = "NAME") private List<String> experiments = List.of();
    @Option(names = "--wait", paramLabel = "D", defaultValue = "2m") private String wait;
    @Mixin private KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        if (replicationFactor != null) {
            Usage.atLeast(replicationFactor, 1, "--replication-factor");
        }
        List<TopicSpec> specs = Usage.check(() -> TopicCreator.allSpecs(experiments.toArray(String[]::new)),
                "--experiment: ");
        Duration timeout = Durations.parse(wait, "--wait");
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            BrokerReadiness.await(admin, replicationFactor == null ? 1 : replicationFactor, timeout);
            Set<String> created = TopicCreator.ensureTopics(admin, specs,
                    replicationFactor == null ? TopicCreator.BROKER_DEFAULT_REPLICATION : replicationFactor);
            try (JsonOutput out = JsonOutput.to(System.out)) {
                for (TopicSpec spec : specs) {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("topic", spec.name());
                    line.put("partitions", spec.partitions());
                    line.put("created", created.contains(spec.name()));
                    out.write(line);
                }
            }
        }
        return ExitCodes.OK;
    }
}
