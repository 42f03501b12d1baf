package io.east.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.east.schemas.state.ArrivedSample;
import io.east.schemas.state.OpenGroup;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** The serde's own frame writer must write exactly Avro's single-object encoding. */
class FrameWriterTest {

    @Test
    void writesTheBytesOfAvrosMessageEncoderForEveryRecordType() throws Exception {
        List<SpecificRecord> records = new ArrayList<>(SampleRecords.full());
        records.addAll(SampleRecords.sparse());
        for (SpecificRecord record : records) {
            assertThat(serialize(record)).as(record.getSchema().getName()).isEqualTo(avrosEncoding(record));
        }
    }

    @Test
    void aLargeRecordAfterASmallOneOnTheSameThreadIsWrittenWhole() throws Exception {
        Random random = new Random(7);
        List<ArrivedSample> samples = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            byte[] bytes = new byte[1 + random.nextInt(100_000)];
            random.nextBytes(bytes);
            samples.add(new ArrivedSample(i, ByteBuffer.wrap(bytes)));
        }
        OpenGroup small = new OpenGroup("t", 2, 0, 1L, 2L, List.of());
        OpenGroup large = new OpenGroup("t", 40, 40, 1L, 2L, samples);
        AvroSerde<OpenGroup> serde = AvroSerde.of(OpenGroup.class);

        assertThat(serde.serialize(small)).isEqualTo(avrosEncoding(small));
        byte[] bytes = serde.serialize(large);
        assertThat(bytes).isEqualTo(avrosEncoding(large));
        assertThat(serde.deserialize(bytes)).isEqualTo(large);
        assertThat(serde.serialize(small)).as("after the buffer grew").isEqualTo(avrosEncoding(small));
    }

    @SuppressWarnings("unchecked")
    private static <T extends SpecificRecord> byte[] serialize(T record) {
        return AvroSerde.of((Class<T>) record.getClass()).serialize(record);
    }

    private static byte[] avrosEncoding(SpecificRecord record) throws Exception {
        SpecificData model = GeneratedClassModel.of(record.getClass(), record.getSchema());
        ByteBuffer buffer = new BinaryMessageEncoder<SpecificRecord>(model, record.getSchema()).encode(record);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
