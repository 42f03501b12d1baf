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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
final class SampleGrouper implements Processor<String, DecodedSample, String, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(SampleGrouper.class);
    private static final StringSerializer KEY_SERIALIZER = new StringSerializer();
    /** Far above the samples of the tasks in flight between two commits; only bounds what aborted work left. */
    private static final int DECODED_LIMIT = 100_000;

    private final StreamsSettings settings;
    private final GroupAnalyzer analyzer;
    private final WeightFunction function;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, OpenGroup> openGroups;
    private KeyValueStore<String, byte[]> samples;
    private KeyValueStore<String, Long> completed;
    /**
     * The samples of open tasks as decoded on arrival, by store key, so that a completing task need not decode its
     * samples a second time. Only a shortcut in front of the sample store, which stays the truth: an entry is used
     * when the store hands back the very array it was stored with (the record cache does, until it is flushed and
     * evicted), whose bytes are then exactly the ones decoded; anything else, such as a store restored or rolled back
     * after a failure, decodes what the store returns. Emptied on init and when it outgrows {@link #DECODED_LIMIT}.
     */
    private final Map<String, DecodedSample> decoded = new HashMap<>();

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
        String key = GroupKeys.sample(taskId, sample.getSampleIndex());
        // An open group and a completion marker never exist together (complete() swaps the one for the other, and a
        // late sample never reopens its task), and a task's samples are stored only while its group is open. So the
        // marker and the duplicate need looking up only on a task's first and on its later samples respectively:
        // one store read per sample that the record cache rarely holds, instead of two.
        OpenGroup group = openGroups.get(taskId);
        if (group == null) {
            if (completed.get(taskId) != null) {
                deadLetter(record, DeadLetters.LATE, "task " + taskId + " already completed; sample_index "
                        + sample.getSampleIndex() + " arrived late");
                return;
            }
            group = new OpenGroup(taskId, sample.getN(), 0, now, now);
        } else if (group.getN() != sample.getN()) {
            deadLetter(record, DeadLetters.INVALID, "n=" + sample.getN() + " but task " + taskId
                    + " expects n=" + group.getN() + " from its first sample");
            return;
        } else if (samples.get(key) != null) {
            // A re-import or a retried producer: the first copy counts, the repeat is harmless.
            LOG.atDebug().addKeyValue("task_id", taskId).addKeyValue("sample_index", sample.getSampleIndex())
                    .log("duplicate sample ignored");
            return;
        }
        // The bytes as they arrived: the store's format already, so the sample is not encoded a second time.
        samples.put(key, record.value().bytes());
        if (decoded.size() >= DECODED_LIMIT) {
            decoded.clear();
        }
        decoded.put(key, record.value());
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
        List<String> keys = new ArrayList<>(group.getN());
        List<byte[]> stored = new ArrayList<>(group.getN());
        if (group.getReceived() == group.getN()) {
            // n distinct indexes in [0, n) (SampleValidator) are all of them: read them by key, which the record
            // cache mostly answers, rather than open a RocksDB iterator for every task.
            for (int index = 0; index < group.getN(); index++) {
                String key = GroupKeys.sample(taskId, index);
                byte[] bytes = samples.get(key);
                if (bytes != null) {
                    keys.add(key);
                    stored.add(bytes);
                }
            }
        } else {
            try (KeyValueIterator<String, byte[]> scan =
                    samples.prefixScan(GroupKeys.prefix(taskId), KEY_SERIALIZER)) {
                while (scan.hasNext()) {
                    KeyValue<String, byte[]> entry = scan.next();
                    keys.add(entry.key);
                    stored.add(entry.value);
                }
            }
        }
        List<ReasoningSample> received = new ArrayList<>(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            DecodedSample arrived = decoded.remove(keys.get(i));
            byte[] bytes = stored.get(i);
            received.add(arrived != null && arrived.bytes() == bytes
                    ? arrived.sample()
                    : EastSerdes.reasoningSample().deserialize(bytes));
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

    private void deadLetter(Record<String, DecodedSample> record, String reason, String detail) {
        LOG.atWarn().addKeyValue("reason", reason).log("sample sent to the dead-letter topic: {}", detail);
        DeadLetter letter = DeadLetters.of(context.recordMetadata().orElse(null), record.key(),
                record.value().bytes(), reason, detail, settings.component(), context.currentSystemTimeMs());
        context.forward(record.withValue(letter), StreamsTopology.DLQ_SINK);
    }
}
