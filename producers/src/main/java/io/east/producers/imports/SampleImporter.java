package io.east.producers.imports;

import io.east.core.TaskIds;
import io.east.formats.BadLineException;
import io.east.formats.InputFormat;
import io.east.formats.JsonLines;
import io.east.formats.LineError;
import io.east.formats.QwenEvalFormat;
import io.east.formats.SamplesFormat;
import io.east.schemas.topics.ClientConfigs;
import io.east.producers.kafka.SendTracker;
import io.east.schemas.ReasoningSample;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.topics.EastTopics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes existing generations to east.samples, one ReasoningSample per response, keyed by task id so that all
 * samples of a task land in one partition. Task ids and sample indexes depend only on the file and the settings, so
 * importing a file again publishes the same keys and indexes, which the streams app recognises as duplicates.
 */
public final class SampleImporter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SampleImporter.class);

    /** The sample of one response of one line: what a failed send is reported as. */
    private record SampleAt(long line, int sampleIndex) {
    }

    private final Producer<String, ReasoningSample> producer;
    private final String topic;
    private final Clock clock;

    public SampleImporter(Producer<String, ReasoningSample> producer, String topic, Clock clock) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** An importer with its own idempotent (acks=all) producer, writing to east.samples. */
    public static SampleImporter connect(Map<String, Object> clientProperties) {
        KafkaProducer<String, ReasoningSample> producer = new KafkaProducer<>(
                ClientConfigs.idempotentProducer(clientProperties, "east-import"), new StringSerializer(),
                EastSerdes.reasoningSample().serializer());
        return new SampleImporter(producer, EastTopics.SAMPLES.name(), Clock.systemUTC());
    }

    /**
     * Reads the whole file, publishes the samples of every good line and waits until each send is acknowledged or
     * failed. Stops early only when a send fails for a reason that would fail every later send too.
     *
     * @param onLine called with the running count of lines read, for progress
     */
    public ImportReport run(ImportSettings settings, LongConsumer onLine) throws IOException {
        Instant importedAt = clock.instant();
        SendTracker<SampleAt> tracker = new SendTracker<>();
        TaskConsistency consistency = new TaskConsistency();
        List<LineError> malformed = new ArrayList<>();
        long lines = 0;
        String abortedBy = null;
        try (JsonLines input = JsonLines.open(settings.input())) {
            for (JsonLines.Line line : input) {
                if (tracker.fatal().isPresent()) {
                    abortedBy = "stopped at line " + line.number() + " after a failed send: " + tracker.fatal().get();
                    break;
                }
                onLine.accept(++lines);
                if (!line.ok()) {
                    malformed.add(line.error());
                    continue;
                }
                try {
                    List<ReasoningSample> samples = samples(line, settings, importedAt);
                    consistency.accept(samples, line.number());
                    samples.forEach(sample -> send(sample, line.number(), tracker));
                } catch (BadLineException e) {
                    malformed.add(line.error(e.getMessage()));
                }
            }
            producer.flush();
        }
        if (abortedBy == null && tracker.fatal().isPresent()) {
            abortedBy = "a send failed: " + tracker.fatal().get();
        }
        ImportReport report = new ImportReport(lines, tracker.acknowledged(), malformed,
                notPublished(settings.input(), tracker), abortedBy);
        LOG.atDebug().addKeyValue("sent", tracker.sent()).addKeyValue("acknowledged", tracker.acknowledged())
                .log("import sends settled");
        return report;
    }

    private static List<ReasoningSample> samples(JsonLines.Line line, ImportSettings settings, Instant importedAt)
            throws BadLineException {
        if (settings.format() == InputFormat.QWEN_EVAL) {
            String dataset = settings.dataset() != null ? settings.dataset() : ImportSettings.DEFAULT_DATASET;
            int round = settings.round() != null ? settings.round() : 0;
            return QwenEvalSamples.of(QwenEvalFormat.parse(line.json()), dataset, round, importedAt);
        }
        ReasoningSample sample = SamplesFormat.parse(line.json());
        return List.of(settings.renames() ? renamed(sample, settings) : sample);
    }

    /** Moves a sample to another dataset or round; its task id follows, made the one way task ids are made. */
    private static ReasoningSample renamed(ReasoningSample sample, ImportSettings settings) {
        String dataset = settings.dataset() != null ? settings.dataset() : sample.getDataset();
        int round = settings.round() != null ? settings.round() : sample.getRound();
        return ReasoningSample.newBuilder(sample)
                .setDataset(dataset)
                .setRound(round)
                .setTaskId(TaskIds.of(dataset, sample.getQuestionId(), round))
                .build();
    }

    private void send(ReasoningSample sample, long line, SendTracker<SampleAt> tracker) {
        SampleAt at = new SampleAt(line, sample.getSampleIndex());
        try {
            producer.send(new ProducerRecord<>(topic, sample.getTaskId(), sample), tracker.callback(at));
        } catch (KafkaException e) {
            tracker.failedSynchronously(at, e);
        }
    }

    /** One error per line, naming the sample indexes that were not published. */
    private static List<LineError> notPublished(Path file, SendTracker<SampleAt> tracker) {
        TreeMap<Long, List<SendTracker.Failure<SampleAt>>> byLine = new TreeMap<>();
        for (SendTracker.Failure<SampleAt> failure : tracker.failures()) {
            byLine.computeIfAbsent(failure.context().line(), line -> new ArrayList<>()).add(failure);
        }
        List<LineError> errors = new ArrayList<>(byLine.size());
        byLine.forEach((line, failures) -> errors.add(new LineError(file, line,
                "not published: sample_index " + failures.stream().map(f -> f.context().sampleIndex()).sorted()
                        .map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("")
                        + ": " + failures.get(0).error())));
        return errors;
    }

    @Override
    public void close() {
        producer.close();
    }
}
