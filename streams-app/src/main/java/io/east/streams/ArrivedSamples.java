package io.east.streams;

import io.east.schemas.ReasoningSample;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.state.ArrivedSample;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/** The samples an open task holds in its OpenGroup record, as the bytes they arrived in. */
final class ArrivedSamples {

    private ArrivedSamples() {
    }

    static ArrivedSample of(int sampleIndex, byte[] bytes) {
        return new ArrivedSample(sampleIndex, ByteBuffer.wrap(bytes));
    }

    /** The stored bytes, without a copy when the buffer is exactly one whole array (as Avro decodes it). */
    static byte[] bytes(ArrivedSample sample) {
        ByteBuffer buffer = sample.getBytes();
        if (buffer.hasArray() && buffer.arrayOffset() == 0 && buffer.position() == 0
                && buffer.remaining() == buffer.array().length) {
            return buffer.array();
        }
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    /**
     * The sample, taken from {@code arrived} (its decode on arrival) when that holds exactly these bytes, since
     * decoding is deterministic; decoded afresh otherwise (a task restored from the changelog, say).
     */
    static ReasoningSample decode(ArrivedSample sample, DecodedSample arrived) {
        byte[] bytes = bytes(sample);
        return arrived != null && Arrays.equals(arrived.bytes(), bytes)
                ? arrived.sample()
                : EastSerdes.reasoningSample().deserialize(bytes);
    }

    static boolean containsIndex(List<ArrivedSample> samples, int sampleIndex) {
        for (ArrivedSample sample : samples) {
            if (sample.getSampleIndex() == sampleIndex) {
                return true;
            }
        }
        return false;
    }
}
