package io.east.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;

/** Generic records in Avro's single-object encoding, as a producer using {@code writer} would send them. */
final class SingleObjects {

    private SingleObjects() {
    }

    static byte[] encode(Schema writer, GenericRecord record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new BinaryMessageEncoder<GenericRecord>(GenericData.get(), writer).encode(record, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
