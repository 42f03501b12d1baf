package io.east.cli.tail;

import io.east.cli.common.Durations;
import io.east.cli.common.ExitCodes;
import io.east.cli.common.KafkaOptions;
import io.east.cli.common.StopOnSignal;
import io.east.cli.common.Usage;
import io.east.cli.common.UsageException;
import io.east.formats.JsonOutput;
import io.east.schemas.serde.AnyRecordDecoder;
import io.east.schemas.serde.RecordJson;
import io.east.schemas.topics.ClientConfigs;
import io.east.schemas.topics.WholeTopic;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Decodes any east topic to JSON Lines, whatever schema version wrote each record. */
@Command(name = "tail", mixinStandardHelpOptions = true)
public final class TailCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(TailCommand.class);
    /** Closing the consumer and flushing stdout after Ctrl-C takes well under this. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    @Parameters(index = "0", paramLabel = "TOPIC") private String topic;
    @Option(names = "--from-beginning") private boolean fromBeginning;
    @Option(names = "--max", paramLabel = "N") private Long max;
    @Option(names = "--timeout", paramLabel = "D") private String timeout;
    @Mixin private KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        Duration idleLimit = timeout == null ? null : Durations.parse(timeout, "--timeout");
        if (max != null) {
            Usage.atLeast(max, 0, "--max");
        }
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        try (StopOnSignal hook = StopOnSignal.install("east-tail-shutdown", () -> stop.set(true),
                grace -> finished.await(grace.toMillis(), TimeUnit.MILLISECONDS), SHUTDOWN_GRACE)) {
            return print(stop, idleLimit);
        } finally {
            finished.countDown();
        }
    }

    /** Prints records until {@code stop}, --max or the idle limit; the consumer is closed and stdout flushed. */
    private int print(AtomicBoolean stop, Duration idleLimit) throws IOException {
        AnyRecordDecoder decoder = AnyRecordDecoder.known();
        long printed = 0;
        long undecodable = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                ClientConfigs.assignedReader(kafka.clientProperties(), "east-tail"), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
             JsonOutput out = JsonOutput.to(System.out)) {
            List<TopicPartition> partitions = assign(consumer);
            Instant lastRecord = Instant.now();
            while (!stop.get() && (max == null || printed < max)) {
                var records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty()) {
                    lastRecord = Instant.now();
                }
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    if (max != null && printed >= max) {
                        break;
                    }
                    try {
                        out.writeRaw(RecordJson.toJson(decoder.decode(record.value())));
                        printed++;
                    } catch (SerializationException | NullPointerException e) {
                        undecodable++;
                        LOG.atError().addKeyValue("topic", record.topic())
                                .addKeyValue("partition", record.partition())
                                .addKeyValue("offset", record.offset())
                                .log("record of {} partition {} offset {} does not decode, skipped: {}",
                                        record.topic(), record.partition(), record.offset(), e.getMessage());
                    }
                }
                out.flush();
                if (idleLimit != null && Duration.between(lastRecord, Instant.now()).compareTo(idleLimit) > 0) {
                    break;
                }
            }
            LOG.atDebug().addKeyValue("partitions", partitions.size()).log("tail done");
        }
        LOG.atInfo().addKeyValue("topic", topic).addKeyValue("records", printed)
                .addKeyValue("undecodable", undecodable).log("tail finished");
        return undecodable == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** Assigns every partition directly: tail is a reader, not a member of any consumer group. */
    private List<TopicPartition> assign(KafkaConsumer<byte[], byte[]> consumer) {
        List<TopicPartition> partitions;
        try {
            partitions = WholeTopic.assign(consumer, topic, Duration.ofSeconds(30),
                    "'east topics create' makes the east topics");
        } catch (IllegalStateException e) {
            throw new UsageException(e.getMessage());
        }
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        return partitions;
    }
}
