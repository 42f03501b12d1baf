package io.east.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.east.bench.Median;
import io.east.schemas.GroupSummary;
import io.east.schemas.ReasoningSample;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.topics.CommittedScan;
import io.east.schemas.topics.EastTopics;
import io.east.trainer.Checkpoint;
import io.east.trainer.CheckpointStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the whole pipeline delivered, read back from its committed topics and the trainer's checkpoint chain, as lines
 * of expected, found and difference. A difference other than zero means something was lost or duplicated.
 */
record ChaosLedger(List<Line> lines, Map<String, Long> counts) {

    /** One check: what a lossless, duplicate-free pipeline gives, and what this one gave. */
    record Line(String what, long expected, long found) {
        long difference() {
            return found - expected;
        }
    }

    /** How long reading one topic back may take. */
    static final Duration READ_TIMEOUT = Duration.ofMinutes(2);

    private static final ObjectMapper JSON = new ObjectMapper();

    boolean balances() {
        return lines.stream().allMatch(line -> line.difference() == 0);
    }

    /**
     * @param generatorRestarts when the generator came back after each kill; the ledger reports how long until its
     *                          next committed sample
     */
    static ChaosLedger read(Map<String, Object> client, Path checkpointDir, long tasksFed,
            List<java.time.Instant> generatorRestarts) throws IOException {
        Map<String, Integer> tasks = countBy(client, EastTopics.QUESTIONS.name(),
                bytes -> EastSerdes.questionTask().deserialize(bytes).getTaskId());
        Map<String, List<Integer>> sampleIndexes = new HashMap<>();
        Map<String, Integer> expectedN = new HashMap<>();
        List<Long> sampleTimes = new ArrayList<>();
        for (var record : CommittedScan.readAll(client, EastTopics.SAMPLES.name(), READ_TIMEOUT)) {
            ReasoningSample sample = EastSerdes.reasoningSample().deserialize(record.value());
            sampleIndexes.computeIfAbsent(sample.getTaskId(), id -> new ArrayList<>()).add(sample.getSampleIndex());
            expectedN.put(sample.getTaskId(), sample.getN());
            sampleTimes.add(sample.getCreatedAt().toEpochMilli());
        }
        java.util.Collections.sort(sampleTimes);
        Map<String, Integer> groups = new HashMap<>();
        Set<String> kept = new HashSet<>();
        for (var record : CommittedScan.readAll(client, EastTopics.GROUPS.name(), READ_TIMEOUT)) {
            GroupSummary group = EastSerdes.groupSummary().deserialize(record.value());
            groups.merge(group.getTaskId(), 1, Integer::sum);
            if (group.getKept()) {
                kept.add(group.getTaskId());
            }
        }
        Map<String, Integer> weighted = countBy(client, EastTopics.WEIGHTED.name(),
                bytes -> EastSerdes.weightedExample().deserialize(bytes).getTaskId());

        Map<String, Integer> trained = new HashMap<>();
        Map<String, Integer> heldBack = new HashMap<>();
        CheckpointStore store = new CheckpointStore(checkpointDir);
        var newest = store.newest();
        long checkpoints = 0;
        if (newest.isPresent()) {
            for (Checkpoint checkpoint : store.lineage(newest.get())) {
                checkpoints++;
                CheckpointStore.trainedTasks(checkpoint.directory()).forEach(id -> trained.merge(id, 1, Integer::sum));
                Path skippedFile = checkpoint.directory().resolve(CheckpointStore.SKIPPED);
                for (String line : Files.exists(skippedFile) ? Files.readAllLines(skippedFile) : List.<String>of()) {
                    JsonNode skipped = line.isBlank() ? null : JSON.readTree(line);
                    if (skipped != null && "stale".equals(skipped.path("reason").asText())) {
                        heldBack.merge(skipped.path("task_id").asText(), 1, Integer::sum);
                    }
                }
            }
        }

        long completeSets = sampleIndexes.entrySet().stream().filter(e -> isCompleteSet(e.getValue(),
                expectedN.get(e.getKey()))).count();
        long keptWithOneExample = kept.stream().filter(id -> weighted.getOrDefault(id, 0) == 1).count();
        long onceTrainedOrHeld = weighted.keySet().stream()
                .filter(id -> trained.getOrDefault(id, 0) + heldBack.getOrDefault(id, 0) == 1).count();
        List<Line> lines = List.of(
                new Line("tasks fed", tasksFed, tasks.size()),
                new Line("tasks fed more than once", 0, tasks.values().stream().filter(c -> c > 1).count()),
                new Line("tasks with exactly one group summary", tasks.size(),
                        tasks.keySet().stream().filter(id -> groups.getOrDefault(id, 0) == 1).count()),
                new Line("sample sets with every sample_index once", tasks.size(), completeSets),
                new Line("kept groups with exactly one WeightedExample", kept.size(), keptWithOneExample),
                new Line("examples trained or held back exactly once", weighted.size(), onceTrainedOrHeld),
                new Line("examples trained more than once", 0,
                        trained.values().stream().filter(c -> c > 1).count()));
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        counts.put("samples", sampleIndexes.values().stream().mapToLong(List::size).sum());
        counts.put("kept groups", (long) kept.size());
        counts.put("examples trained", (long) trained.size());
        counts.put("examples held back as stale", (long) heldBack.size());
        counts.put("checkpoints along the chain", checkpoints);
        List<Long> backAtWork = new ArrayList<>();
        for (java.time.Instant restart : generatorRestarts) {
            long at = restart.toEpochMilli();
            sampleTimes.stream().filter(t -> t >= at).findFirst().ifPresent(t -> backAtWork.add(t - at));
        }
        if (!backAtWork.isEmpty()) {
            counts.put("generator restart to its first sample, median ms", Math.round(Median.of(backAtWork)));
            counts.put("generator restart to its first sample, max ms", Collections.max(backAtWork));
        }
        return new ChaosLedger(lines, counts);
    }

    private static boolean isCompleteSet(List<Integer> indexes, Integer n) {
        if (n == null || indexes.size() != n) {
            return false;
        }
        return new HashSet<>(indexes).size() == n && indexes.stream().allMatch(i -> i >= 0 && i < n);
    }

    private static Map<String, Integer> countBy(Map<String, Object> client, String topic,
            Function<byte[], String> taskId) {
        Map<String, Integer> counts = new HashMap<>();
        for (var record : CommittedScan.readAll(client, topic, READ_TIMEOUT)) {
            if (record.value() != null) {
                counts.merge(taskId.apply(record.value()), 1, Integer::sum);
            }
        }
        return counts;
    }

    void print(PrintStream out) {
        out.printf(Locale.ROOT, "%-46s %9s %9s %11s%n", "ledger", "expected", "found", "difference");
        for (Line line : lines) {
            out.printf(Locale.ROOT, "%-46s %9d %9d %+11d%n", line.what(), line.expected(), line.found(),
                    line.difference());
        }
        counts.forEach((what, count) -> out.printf(Locale.ROOT, "%-46s %9s %9d%n", what, "", count));
    }
}
