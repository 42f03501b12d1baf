package io.east.producers.generate;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers which partitions left this worker while a batch was being generated: their tasks belong to another
 * worker now, which starts again from the committed offset, so committing them too would duplicate sample sets.
 * Partitions assigned during a batch are paused at once, so the polls that keep the worker in its group while it
 * generates never return records. Kafka calls it only from inside {@code poll}, on the worker's thread.
 */
final class BatchRebalanceListener implements ConsumerRebalanceListener {

    private static final Logger LOG = LoggerFactory.getLogger(BatchRebalanceListener.class);

    private final Consumer<?, ?> consumer;
    private final Set<TopicPartition> revokedDuringBatch = new HashSet<>();
    private boolean batchOpen;
    /** A copy other threads may read (the consumer's own assignment() is for its thread only). */
    private volatile Set<TopicPartition> owned = Set.of();

    BatchRebalanceListener(Consumer<?, ?> consumer) {
        this.consumer = consumer;
    }

    void openBatch() {
        batchOpen = true;
        revokedDuringBatch.clear();
    }

    /** Ends the batch; returns the partitions revoked or lost since {@link #openBatch()}. */
    Set<TopicPartition> closeBatch() {
        batchOpen = false;
        Set<TopicPartition> revoked = Set.copyOf(revokedDuringBatch);
        revokedDuringBatch.clear();
        return revoked;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        leaving(partitions, "revoked");
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        leaving(partitions, "lost");
    }

    Set<TopicPartition> owned() {
        return owned;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        if (update(partitions, true, "assigned") && batchOpen) {
            consumer.pause(partitions);
        }
    }

    private void leaving(Collection<TopicPartition> partitions, String how) {
        if (update(partitions, false, how) && batchOpen) {
            revokedDuringBatch.addAll(partitions);
        }
    }

    /** Adds the partitions to the owned copy or removes them, and logs it; false when there were none. */
    private boolean update(Collection<TopicPartition> partitions, boolean adding, String how) {
        if (partitions.isEmpty()) {
            return false;
        }
        Set<TopicPartition> now = new HashSet<>(owned);
        if (adding) {
            now.addAll(partitions);
        } else {
            now.removeAll(partitions);
        }
        owned = Set.copyOf(now);
        LOG.atInfo().addKeyValue("partitions", partitions).addKeyValue("during_batch", batchOpen)
                .log("partitions {}", how);
        return true;
    }
}
