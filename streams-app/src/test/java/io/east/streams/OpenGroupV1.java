package io.east.streams;

import io.east.schemas.serde.SchemaHistory;
import io.east.schemas.state.OpenGroup;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;

/** Writes an OpenGroup as the version before v2 did: with the v1 schema, so without its samples. */
final class OpenGroupV1 {

    private OpenGroupV1() {
    }

    static byte[] encode(OpenGroup group) throws Exception {
        Schema v1 = SchemaHistory.released().versionsOf(OpenGroup.class.getName()).get(0);
        GenericRecord record = new GenericData.Record(v1);
        record.put("task_id", group.getTaskId());
        record.put("n", group.getN());
        record.put("received", group.getReceived());
        record.put("first_seen_at", group.getFirstSeenAt());
        record.put("last_seen_at", group.getLastSeenAt());
        ByteBuffer buffer = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(record);
        return Arrays.copyOfRange(buffer.array(), buffer.arrayOffset() + buffer.position(),
                buffer.arrayOffset() + buffer.limit());
    }
}
