package io.east.schemas.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where topics are created from their {@link TopicSpec}s, so that partitions and topic configs
 * (compaction of {@code east.model-versions}) are never restated elsewhere. Creating is idempotent: a topic that
 * already exists is left as it is, even if its partitions or configs differ from the spec. A created topic is returned
 * only once each of its partitions has a leader that answers, so a producer may send to it at once.
 */
public final class TopicCreator {

    /** Lets the broker choose ({@code default.replication.factor}). */
    public static final short BROKER_DEFAULT_REPLICATION = -1;

    private static final Logger LOG = LoggerFactory.getLogger(TopicCreator.class);
    /** A created topic whose partitions still have no answering leader after this is an error. */
    private static final Duration LEADER_TIMEOUT = Duration.ofMinutes(1);

    private TopicCreator() {
    }

    /**
     * Creates the topics that do not exist yet.
     *
     * @param replicationFactor replicas per partition, or {@link #BROKER_DEFAULT_REPLICATION}; an explicit factor
     *     also sets the topic's min.insync.replicas ({@link MinInsyncReplicas})
     * @return the names of the topics this call created (empty when all existed)
     * @throws KafkaException when a topic could neither be created nor was found to exist
     */
    public static Set<String> ensureTopics(Admin admin, Collection<TopicSpec> specs, short replicationFactor) {
        Map<String, NewTopic> byName = new LinkedHashMap<>();
        for (TopicSpec spec : specs) {
            byName.putIfAbsent(spec.name(), toNewTopic(spec, replicationFactor));
        }
        if (byName.isEmpty()) {
            return Set.of();
        }
        Map<String, KafkaFuture<Void>> results = admin.createTopics(byName.values()).values();
        Set<String> created = new LinkedHashSet<>();
        for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
            if (awaitCreation(result.getKey(), result.getValue())) {
                created.add(result.getKey());
            }
        }
        PartitionLeaders.await(admin, created, LEADER_TIMEOUT);
        LOG.info("Topics ensured: {} created, {} already existed", created, byName.size() - created.size());
        return created;
    }

    /**
     * Creates every topic of {@link EastTopics#ALL} plus the per-experiment twins of
     * {@link EastTopics#PER_EXPERIMENT}, with the broker's default replication factor.
     */
    public static Set<String> ensureAll(Admin admin, String... experiments) {
        return ensureTopics(admin, allSpecs(experiments), BROKER_DEFAULT_REPLICATION);
    }

    /** The specs {@link #ensureAll} creates. */
    public static List<TopicSpec> allSpecs(String... experiments) {
        List<TopicSpec> specs = new ArrayList<>(EastTopics.ALL);
        for (String experiment : experiments) {
            EastTopics.validateExperiment(experiment);
            for (TopicSpec spec : EastTopics.PER_EXPERIMENT) {
                specs.add(spec.forExperiment(experiment));
            }
        }
        return specs;
    }

    private static NewTopic toNewTopic(TopicSpec spec, short replicationFactor) {
        if (replicationFactor <= 0) {
            return new NewTopic(spec.name(), Optional.of(spec.partitions()), Optional.empty()).configs(spec.configs());
        }
        Map<String, String> configs = new HashMap<>(spec.configs());
        configs.putIfAbsent(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                String.valueOf(MinInsyncReplicas.forReplicas(replicationFactor)));
        return new NewTopic(spec.name(), Optional.of(spec.partitions()), Optional.of(replicationFactor))
                .configs(configs);
    }

    /** True when created, false when it already existed. */
    private static boolean awaitCreation(String topic, KafkaFuture<Void> future) {
        try {
            // The admin client's own default.api.timeout.ms bounds this wait.
            future.get();
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw new KafkaException("Could not create topic " + topic, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while creating topic " + topic, e);
        }
    }
}
