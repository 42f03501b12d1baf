package io.east.schemas.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until every partition of new topics has a leader that answers a request. Right after CreateTopics returns,
 * leaders may still be moving in; an idempotent producer sending then was seen retrying on out-of-order sequence
 * errors for its whole delivery timeout.
 */
final class PartitionLeaders {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionLeaders.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(20);
    private static final Duration MAX_BACKOFF = Duration.ofMillis(500);

    private PartitionLeaders() {
    }

    /**
     * Returns once each partition of {@code topics} is described with a leader and answers a ListOffsets request.
     *
     * @throws KafkaException when that is not so within {@code timeout}
     */
    static void await(Admin admin, Collection<String> topics, Duration timeout) {
        if (topics.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Duration backoff = FIRST_BACKOFF;
        String waitingFor = "";
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                List<TopicPartition> partitions = ledPartitions(admin, topics);
                if (partitions != null) {
                    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                    partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                    admin.listOffsets(latest).all().get();
                    LOG.atDebug().addKeyValue("topics", topics).addKeyValue("partitions", partitions.size())
                            .addKeyValue("attempts", attempts)
                            .addKeyValue("wait_ms", (System.nanoTime() - start) / 1_000_000)
                            .log("every new partition has a leader that answers");
                    return;
                }
                waitingFor = "a partition without a leader";
            } catch (ExecutionException e) {
                waitingFor = e.getCause().toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaException("interrupted while waiting for the leaders of " + topics, e);
            }
            if (System.nanoTime() + backoff.toNanos() > deadline) {
                throw new KafkaException("the new topics " + topics + " have no answering leader for every partition "
                        + "after " + timeout.toSeconds() + " s; last: " + waitingFor);
            }
            try {
                Thread.sleep(backoff.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaException("interrupted while waiting for the leaders of " + topics, e);
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    /** Every partition of the topics, or null while one of them has no leader. */
    private static List<TopicPartition> ledPartitions(Admin admin, Collection<String> topics)
            throws ExecutionException, InterruptedException {
        List<TopicPartition> partitions = new ArrayList<>();
        for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get().values()) {
            for (TopicPartitionInfo partition : topic.partitions()) {
                if (partition.leader() == null || partition.leader().isEmpty()) {
                    return null;
                }
                partitions.add(new TopicPartition(topic.name(), partition.partition()));
            }
        }
        return partitions;
    }
}
