package io.east.schemas.serde;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;

/**
 * Writes the Avro single-object frame ({@link SingleObjectFrame}) of one schema: the same bytes as Avro's
 * {@code BinaryMessageEncoder}, with a buffered encoder and one reused, unsynchronised buffer per thread instead of a
 * direct encoder writing byte by byte into synchronised streams and copying the result twice. The streams app
 * encodes every open task and every example it emits, so this is on its hot path.
 */
final class FrameWriter<T> {

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private final DatumWriter<T> writer;
    private final byte[] header;

    FrameWriter(DatumWriter<T> writer, Schema schema) {
        this.writer = writer;
        this.header = header(SchemaNormalization.parsingFingerprint64(schema));
    }

    byte[] write(T datum) throws IOException {
        Buffers buffers = BUFFERS.get();
        GrowableBytes out = buffers.out;
        out.reset();
        out.write(header, 0, header.length);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, buffers.encoder);
        buffers.encoder = encoder;
        try {
            writer.write(datum, encoder);
            encoder.flush();
            return out.toByteArray();
        } finally {
            out.release();
        }
    }

    private static byte[] header(long fingerprint) {
        byte[] header = new byte[SingleObjectFrame.HEADER_LENGTH];
        header[0] = (byte) SingleObjectFrame.MARKER_0;
        header[1] = (byte) SingleObjectFrame.MARKER_1;
        for (int i = 2; i < header.length; i++) {
            header[i] = (byte) (fingerprint >>> (8 * (i - 2)));
        }
        return header;
    }

    private static final class Buffers {
        final GrowableBytes out = new GrowableBytes();
        BinaryEncoder encoder;
    }

    /** A byte buffer for one thread: no locks, and kept between records unless one record made it very large. */
    private static final class GrowableBytes extends OutputStream {

        private static final int INITIAL = 4096;
        private static final int KEPT_AT_MOST = 1 << 20;

        private byte[] bytes = new byte[INITIAL];
        private int size;

        void reset() {
            size = 0;
        }

        void release() {
            if (bytes.length > KEPT_AT_MOST) {
                bytes = new byte[INITIAL];
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        @Override
        public void write(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] source, int offset, int length) {
            ensure(length);
            System.arraycopy(source, offset, bytes, size, length);
            size += length;
        }

        private void ensure(int more) {
            int needed = size + more;
            if (needed < 0) {
                throw new OutOfMemoryError("record larger than 2 GiB");
            }
            if (needed > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
            }
        }
    }
}
