package io.east.streams;

import io.east.schemas.DeadLetter;
import io.east.schemas.ReasoningSample;
import io.east.schemas.serde.EastSerdes;
import java.util.Optional;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes and validates the raw sample records. Decoding here rather than in the source's deserializer lets a bad
 * record become a dead letter with its topic, partition, offset and bytes, and the app keep running.
 */
final class SampleDecoder implements Processor<String, byte[], String, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(SampleDecoder.class);

    private final String component;
    private ProcessorContext<String, Object> context;

    SampleDecoder(String component) {
        this.component = component;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, byte[]> record) {
        ReasoningSample sample;
        try {
            if (record.value() == null) {
                throw new SerializationException("null value (a tombstone) where a ReasoningSample was expected");
            }
            sample = EastSerdes.reasoningSample().deserialize(record.value());
        } catch (SerializationException e) {
            deadLetter(record, RejectedSamples.UNDECODABLE, e.getMessage());
            return;
        }
        Optional<String> problem = SampleValidator.problem(record.key(), sample, record.value().length);
        if (problem.isPresent()) {
            deadLetter(record, RejectedSamples.INVALID, problem.get());
            return;
        }
        context.forward(record.withValue(new DecodedSample(sample, record.value())), StreamsTopology.GROUP);
    }

    private void deadLetter(Record<String, byte[]> record, String reason, String detail) {
        RecordMetadata source = context.recordMetadata().orElse(null);
        LOG.atWarn().addKeyValue("reason", reason)
                .addKeyValue("topic", source == null ? null : source.topic())
                .addKeyValue("partition", source == null ? null : source.partition())
                .addKeyValue("offset", source == null ? null : source.offset())
                .log("sample sent to the dead-letter topic: {}", detail);
        DeadLetter letter = RejectedSamples.deadLetter(source, record.key(), record.value(), reason, detail, component,
                context.currentSystemTimeMs());
        context.forward(record.withValue(letter), StreamsTopology.DLQ_SINK);
    }
}
