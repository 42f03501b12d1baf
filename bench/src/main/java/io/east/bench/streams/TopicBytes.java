package io.east.bench.streams;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * What the broker holds per topic (bytes on disk and end offsets, internal topics included), so that two snapshots
 * show what a phase made it write: for (b), the changelogs, outputs, consumer offsets and transaction log next to
 * the samples themselves. An offset is a record or a transaction marker.
 */
record TopicBytes(Map<String, Long> bytes, Map<String, Long> offsets) {

    static TopicBytes of(Admin admin) throws ExecutionException, InterruptedException {
        Set<Integer> brokers = new java.util.HashSet<>();
        admin.describeCluster().nodes().get().forEach(node -> brokers.add(node.id()));
        Map<String, Long> bytes = new TreeMap<>();
        for (Map<String, LogDirDescription> dirs : admin.describeLogDirs(brokers).allDescriptions().get().values()) {
            for (LogDirDescription dir : dirs.values()) {
                dir.replicaInfos().forEach((tp, replica) -> bytes.merge(tp.topic(), replica.size(), Long::sum));
            }
        }
        Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((name, description) ->
                description.partitions().forEach(p -> request.put(new TopicPartition(name, p.partition()),
                        OffsetSpec.latest())));
        Map<String, Long> offsets = new TreeMap<>();
        admin.listOffsets(request).all().get().forEach((tp, info) ->
                offsets.merge(tp.topic(), info.offset(), Long::sum));
        return new TopicBytes(bytes, offsets);
    }

    /** One line per topic that grew since {@code before}, per unit of work (a sample, a record), and the total. */
    void printSince(PrintStream out, TopicBytes before, long units, String unit) {
        printSince(out, before, units, unit, topic -> true);
    }

    /** As above, for the topics {@code counted} accepts only. */
    void printSince(PrintStream out, TopicBytes before, long units, String unit,
            java.util.function.Predicate<String> counted) {
        out.printf(Report.LOCALE, "  broker writes in this phase, per %s (%,d): %-55s %10s %10s %9s%n", unit, units,
                "topic", "MB", "bytes/" + unit, "offs/" + unit);
        long total = 0;
        for (Map.Entry<String, Long> entry : bytes.entrySet()) {
            String topic = entry.getKey();
            long grown = entry.getValue() - before.bytes.getOrDefault(topic, 0L);
            long offs = offsets.getOrDefault(topic, 0L) - before.offsets.getOrDefault(topic, 0L);
            if ((grown <= 0 && offs <= 0) || !counted.test(topic)) {
                continue;
            }
            total += Math.max(0, grown);
            out.printf(Report.LOCALE, "    %-100s %10.2f %10.1f %9.3f%n", topic, grown / 1e6,
                    (double) grown / units, (double) offs / units);
        }
        out.printf(Report.LOCALE, "    %-100s %10.2f %10.1f%n", "all topics", total / 1e6, (double) total / units);
    }
}
