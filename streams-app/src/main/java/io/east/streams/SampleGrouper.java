package io.east.streams;

import io.east.core.group.GroupAnalysis;
import io.east.core.group.GroupAnalyzer;
import io.east.core.weight.WeightFunction;
import io.east.schemas.DeadLetter;
import io.east.schemas.GroupSummary;
import io.east.schemas.ReasoningSample;
import io.east.schemas.state.ArrivedSample;
import io.east.schemas.state.OpenGroup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accumulates the samples of each question task until it completes, by count (n distinct samples) or by timeout,
 * then analyses it with the core rules. A task in flight is one state record, its OpenGroup holding the samples as
 * they arrived, so a sample costs one store read and one cached write, and a task reaches the changelog once or
 * twice (its delete, and its record if a commit falls while it is open) instead of once per sample. Completed tasks
 * leave the store, so state stays bounded by the tasks in flight; a short marker remembers them for the late-sample
 * check.
 */
final class SampleGrouper implements Processor<String, DecodedSample, String, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(SampleGrouper.class);
    /** Far above the tasks in flight between two commits; only bounds what aborted work left behind. */
    private static final int DECODED_LIMIT = 20_000;

    private final StreamsSettings settings;
    private final GroupAnalyzer analyzer;
    private final WeightFunction function;
    private ProcessorContext<String, Object> context;
    private OpenGroupStore openGroups;
    private KeyValueStore<String, Long> completed;
    /**
     * The samples of open tasks as decoded on arrival, by task id, so that a completing task need not decode its
     * samples a second time. Only a shortcut: the store stays the truth, and an entry stands in for a stored sample
     * only when its bytes are the stored ones ({@link ArrivedSamples#decode}). Emptied on init and when it outgrows
     * {@link #DECODED_LIMIT}.
     */
    private final Map<String, List<DecodedSample>> decoded = new HashMap<>();

    SampleGrouper(StreamsSettings settings) {
        this.settings = settings;
        this.analyzer = settings.weighting().analyzer();
        this.function = settings.weighting().function();
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.openGroups = new OpenGroupStore(context.getStateStore(StreamsTopology.OPEN_GROUPS));
        this.completed = context.getStateStore(StreamsTopology.COMPLETED);
        decoded.clear();
        context.schedule(settings.timeoutCheckInterval(), PunctuationType.WALL_CLOCK_TIME, this::completeIdleGroups);
        long purgeEvery = Math.max(60_000, settings.lateRetention().toMillis() / 60);
        context.schedule(java.time.Duration.ofMillis(purgeEvery), PunctuationType.WALL_CLOCK_TIME,
                this::forgetOldCompletions);
    }

    @Override
    public void process(Record<String, DecodedSample> record) {
        ReasoningSample sample = record.value().sample();
        String taskId = sample.getTaskId();
        long now = context.currentSystemTimeMs();
        // An open group and a completion marker never exist together (complete() swaps the one for the other, and a
        // late sample never reopens its task), so the marker needs looking up only for a task's first sample.
        OpenGroup group = openGroups.get(taskId);
        List<ArrivedSample> samples;
        if (group == null) {
            if (completed.get(taskId) != null) {
                deadLetter(record, RejectedSamples.LATE, "task " + taskId + " already completed; sample_index "
                        + sample.getSampleIndex() + " arrived late");
                return;
            }
            group = new OpenGroup(taskId, sample.getN(), 0, now, now, List.of());
            samples = new ArrayList<>(sample.getN());
        } else if (group.getN() != sample.getN()) {
            deadLetter(record, RejectedSamples.INVALID, "n=" + sample.getN() + " but task " + taskId
                    + " expects n=" + group.getN() + " from its first sample");
            return;
        } else {
            if (ArrivedSamples.containsIndex(group.getSamples(), sample.getSampleIndex())) {
                // A re-import or a retried producer: the first copy counts, the repeat is harmless.
                LOG.atDebug().addKeyValue("task_id", taskId).addKeyValue("sample_index", sample.getSampleIndex())
                        .log("duplicate sample ignored");
                return;
            }
            samples = new ArrayList<>(group.getSamples());
        }
        // The bytes as they arrived, so the sample is not encoded a second time.
        samples.add(ArrivedSamples.of(sample.getSampleIndex(), record.value().bytes()));
        if (decoded.size() >= DECODED_LIMIT && !decoded.containsKey(taskId)) {
            decoded.clear();
        }
        decoded.computeIfAbsent(taskId, id -> new ArrayList<>(sample.getN())).add(record.value());
        group.setSamples(samples);
        group.setReceived(samples.size());
        group.setLastSeenAt(now);
        if (group.getReceived() >= group.getN()) {
            complete(group, "count", now);
        } else {
            openGroups.put(group);
        }
    }

    private void completeIdleGroups(long now) {
        long timeout = settings.groupTimeout().toMillis();
        List<OpenGroup> idle = openGroups.all().stream()
                .filter(group -> now - group.getLastSeenAt() > timeout)
                .toList();
        idle.forEach(group -> complete(group, "timeout", now));
    }

    private void forgetOldCompletions(long now) {
        long cutoff = now - settings.lateRetention().toMillis();
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = completed.all()) {
            while (all.hasNext()) {
                KeyValue<String, Long> marker = all.next();
                if (marker.value < cutoff) {
                    old.add(marker.key);
                }
            }
        }
        old.forEach(completed::delete);
    }

    private void complete(OpenGroup group, String completedBy, long now) {
        String taskId = group.getTaskId();
        List<DecodedSample> arrived = decoded.remove(taskId);
        List<ReasoningSample> received = new ArrayList<>(group.getSamples().size());
        for (ArrivedSample stored : group.getSamples()) {
            received.add(ArrivedSamples.decode(stored, arrivedAs(arrived, stored.getSampleIndex())));
        }
        openGroups.delete(taskId);
        completed.put(taskId, now);
        if (received.isEmpty()) {
            return;
        }
        String clustering = settings.weighting().clustering().id();
        CompletedGroup outcome;
        if (received.size() < settings.minSamples()) {
            outcome = new CompletedGroup(GroupRecords.incomplete(received, group.getN(), clustering, now), null);
        } else {
            ReasoningSample first = received.get(0);
            GroupAnalysis analysis = analyzer.analyze(taskId, first.getGoldAnswer(), GroupRecords.answers(received));
            GroupSummary summary = GroupRecords.summary(received, group.getN(), analysis, clustering, completedBy,
                    now);
            outcome = new CompletedGroup(summary, analysis.kept()
                    ? WeightedExamples.unweighed(received, analysis, function, settings.experiment(),
                            Instant.ofEpochMilli(now))
                    : null);
        }
        LOG.atDebug().addKeyValue("task_id", taskId).addKeyValue("completed_by", completedBy)
                .addKeyValue("received", received.size()).addKeyValue("kept", outcome.kept()).log("group completed");
        Record<String, Object> out = new Record<>(taskId, outcome, now);
        if (!settings.isExperiment()) {
            context.forward(out.withValue(outcome.summary()), StreamsTopology.GROUPS_SINK);
        }
        context.forward(out, StreamsTopology.WEIGH);
    }

    private void deadLetter(Record<String, DecodedSample> record, String reason, String detail) {
        LOG.atWarn().addKeyValue("reason", reason).log("sample sent to the dead-letter topic: {}", detail);
        DeadLetter letter = RejectedSamples.deadLetter(context.recordMetadata().orElse(null), record.key(),
                record.value().bytes(), reason, detail, settings.component(), context.currentSystemTimeMs());
        context.forward(record.withValue(letter), StreamsTopology.DLQ_SINK);
    }

    private static DecodedSample arrivedAs(List<DecodedSample> arrived, int sampleIndex) {
        if (arrived != null) {
            for (DecodedSample sample : arrived) {
                if (sample.sample().getSampleIndex() == sampleIndex) {
                    return sample;
                }
            }
        }
        return null;
    }
}
