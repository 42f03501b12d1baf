package io.east.streams;

import io.east.core.group.GroupAnalysis;
import io.east.core.group.GroupAnalyzer;
import io.east.core.weight.WeightFunction;
import io.east.schemas.DeadLetter;
import io.east.schemas.GroupSummary;
import io.east.schemas.ReasoningSample;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.state.OpenGroup;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
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
 * then analyses it with the core rules. Completed tasks leave the stores, so state stays bounded by the tasks in
 * flight; a short marker remembers them for the late-sample check.
 */
final class SampleGrouper implements Processor<String, ReasoningSample, String, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(SampleGrouper.class);
    private static final StringSerializer KEY_SERIALIZER = new StringSerializer();

    private final StreamsSettings settings;
    private final GroupAnalyzer analyzer;
    private final WeightFunction function;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, OpenGroup> openGroups;
    private KeyValueStore<String, ReasoningSample> samples;
    private KeyValueStore<String, Long> completed;

    SampleGrouper(StreamsSettings settings) {
        this.settings = settings;
        this.analyzer = settings.weighting().analyzer();
        this.function = settings.weighting().function();
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.openGroups = context.getStateStore(StreamsTopology.OPEN_GROUPS);
        this.samples = context.getStateStore(StreamsTopology.OPEN_SAMPLES);
        this.completed = context.getStateStore(StreamsTopology.COMPLETED);
        context.schedule(settings.timeoutCheckInterval(), PunctuationType.WALL_CLOCK_TIME, this::completeIdleGroups);
        long purgeEvery = Math.max(60_000, settings.lateRetention().toMillis() / 60);
        context.schedule(java.time.Duration.ofMillis(purgeEvery), PunctuationType.WALL_CLOCK_TIME,
                this::forgetOldCompletions);
    }

    @Override
    public void process(Record<String, ReasoningSample> record) {
        ReasoningSample sample = record.value();
        String taskId = sample.getTaskId();
        long now = context.currentSystemTimeMs();
        if (completed.get(taskId) != null) {
            deadLetter(record, DeadLetters.LATE, "task " + taskId + " already completed; sample_index "
                    + sample.getSampleIndex() + " arrived late");
            return;
        }
        OpenGroup group = openGroups.get(taskId);
        if (group == null) {
            group = new OpenGroup(taskId, sample.getN(), 0, now, now);
        } else if (group.getN() != sample.getN()) {
            deadLetter(record, DeadLetters.INVALID, "n=" + sample.getN() + " but task " + taskId
                    + " expects n=" + group.getN() + " from its first sample");
            return;
        }
        String key = GroupKeys.sample(taskId, sample.getSampleIndex());
        if (samples.get(key) != null) {
            // A re-import or a retried producer: the first copy counts, the repeat is harmless.
            LOG.atDebug().addKeyValue("task_id", taskId).addKeyValue("sample_index", sample.getSampleIndex())
                    .log("duplicate sample ignored");
            return;
        }
        samples.put(key, sample);
        group.setReceived(group.getReceived() + 1);
        group.setLastSeenAt(now);
        if (group.getReceived() >= group.getN()) {
            complete(group, "count", now);
        } else {
            openGroups.put(taskId, group);
        }
    }

    private void completeIdleGroups(long now) {
        long timeout = settings.groupTimeout().toMillis();
        List<OpenGroup> idle = new ArrayList<>();
        try (KeyValueIterator<String, OpenGroup> all = openGroups.all()) {
            while (all.hasNext()) {
                OpenGroup group = all.next().value;
                if (now - group.getLastSeenAt() > timeout) {
                    idle.add(group);
                }
            }
        }
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
        List<ReasoningSample> received = new ArrayList<>(group.getN());
        List<String> keys = new ArrayList<>(group.getN());
        try (KeyValueIterator<String, ReasoningSample> stored =
                samples.prefixScan(GroupKeys.prefix(taskId), KEY_SERIALIZER)) {
            while (stored.hasNext()) {
                KeyValue<String, ReasoningSample> entry = stored.next();
                keys.add(entry.key);
                received.add(entry.value);
            }
        }
        keys.forEach(samples::delete);
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
                    ? GroupRecords.example(received, analysis, function, settings.experiment(), now)
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

    private void deadLetter(Record<String, ReasoningSample> record, String reason, String detail) {
        LOG.atWarn().addKeyValue("reason", reason).log("sample sent to the dead-letter topic: {}", detail);
        DeadLetter letter = DeadLetters.of(context.recordMetadata().orElse(null), record.key(),
                EastSerdes.reasoningSample().serialize(record.value()), reason, detail, settings.component(),
                context.currentSystemTimeMs());
        context.forward(record.withValue(letter), StreamsTopology.DLQ_SINK);
    }
}
