package io.east.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the safetensors format (an 8-byte little-endian header length, a JSON header, raw
 * little-endian tensor bytes).
 *
 * <p>Written by hand rather than through {@code NDList.decode} because DJL's bundled JNI has no bfloat16 type (a bf16
 * NDArray aborts the JVM there): half-precision floats are widened to float32 in Java before any NDArray exists,
 * and bf16 is written from float32 bits in Java. Only where bf16 is asked for (a torch-setup libtorch) does a
 * bf16 NDArray exist. Integer tensors are read as int64.
 */
public final class SafeTensors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String METADATA = "__metadata__";

    private SafeTensors() {}

    /** What a file holds: tensor headers in file order, plus the free-form string metadata. */
    public record Header(Map<String, Entry> tensors, Map<String, String> metadata, long dataStart) {}

    /** One tensor's header entry: safetensors dtype name, shape, byte range within the data section. */
    public record Entry(String dtype, long[] shape, long begin, long end) {
        long elementCount() {
            return Arrays.stream(shape).reduce(1, Math::multiplyExact);
        }
    }

    public static Header readHeader(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, lengthBytes, 0);
            long headerLength = lengthBytes.flip().getLong();
            if (headerLength <= 0 || headerLength > 100_000_000L) {
                throw new IOException(file + ": not a safetensors file (header length " + headerLength + ")");
            }
            ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
            readFully(channel, headerBytes, 8);
            Map<String, Object> raw = JSON.readValue(headerBytes.array(), new TypeReference<LinkedHashMap<String, Object>>() {});
            Map<String, Entry> tensors = new LinkedHashMap<>();
            Map<String, String> metadata = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : raw.entrySet()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> value = (Map<String, Object>) e.getValue();
                if (METADATA.equals(e.getKey())) {
                    value.forEach((k, v) -> metadata.put(k, String.valueOf(v)));
                    continue;
                }
                @SuppressWarnings("unchecked")
                List<Number> shape = (List<Number>) value.get("shape");
                @SuppressWarnings("unchecked")
                List<Number> offsets = (List<Number>) value.get("data_offsets");
                tensors.put(e.getKey(), new Entry((String) value.get("dtype"),
                        shape.stream().mapToLong(Number::longValue).toArray(),
                        offsets.get(0).longValue(), offsets.get(1).longValue()));
            }
            return new Header(tensors, metadata, 8 + headerLength);
        }
    }

    /** Reads every tensor of a file onto {@code manager}; floats become float32, integers int64. */
    public static Map<String, NDArray> read(Path file, NDManager manager) throws IOException {
        return read(file, manager, Precision.FP32);
    }

    /** Reads every tensor of a file onto {@code manager}; floats become {@code floats}, integers int64. */
    public static Map<String, NDArray> read(Path file, NDManager manager, Precision floats) throws IOException {
        Header header = readHeader(file);
        Map<String, NDArray> out = new LinkedHashMap<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (Map.Entry<String, Entry> e : header.tensors().entrySet()) {
                out.put(e.getKey(), readTensor(channel, header.dataStart(), e.getValue(), manager, floats));
            }
        }
        return out;
    }

    /** The precision of a checkpoint's floating-point tensors: bf16 when any is stored as BF16, else fp32. */
    public static Precision floatPrecision(Path file) throws IOException {
        boolean bf16 = readHeader(file).tensors().values().stream().anyMatch(e -> "BF16".equals(e.dtype()));
        return bf16 ? Precision.BF16 : Precision.FP32;
    }

    static NDArray readTensor(FileChannel channel, long dataStart, Entry entry, NDManager manager, Precision floats)
            throws IOException {
        long bytes = entry.end() - entry.begin();
        int width = widthOf(entry.dtype());
        if (bytes != entry.elementCount() * width) {
            throw new IOException("tensor byte range does not match its shape and dtype " + entry.dtype());
        }
        // One mapping per tensor keeps every buffer under the 2 GB limit of a Java buffer.
        ByteBuffer raw = channel.map(FileChannel.MapMode.READ_ONLY, dataStart + entry.begin(), bytes)
                .order(ByteOrder.LITTLE_ENDIAN);
        Shape shape = new Shape(entry.shape());
        if (floats == Precision.BF16 && "BF16".equals(entry.dtype())) {
            return owned(manager.create(raw, shape, DataType.BFLOAT16));
        }
        switch (entry.dtype()) {
            case "F32":
                return narrowed(owned(manager.create(raw, shape, DataType.FLOAT32)), floats);
            case "F16":
            case "BF16":
                return narrowed(owned(manager.create(widenToFloat32(raw, entry.dtype()), shape, DataType.FLOAT32)),
                        floats);
            case "I64":
                return owned(manager.create(raw, shape, DataType.INT64));
            case "I32": {
                long[] values = new long[(int) entry.elementCount()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = raw.getInt();
                }
                return manager.create(values, shape);
            }
            default:
                throw new IOException("unsupported safetensors dtype " + entry.dtype());
        }
    }

    /**
     * The PyTorch engine wraps a direct buffer without copying it. A tensor aliasing a read-only file
     * mapping would crash on the first in-place optimizer update (and on the file being replaced), so
     * every tensor is cloned into memory that libtorch owns and the Java buffer is let go.
     */
    private static NDArray owned(NDArray aliasing) {
        NDArray copy = aliasing.duplicate();
        aliasing.close();
        return copy;
    }

    private static NDArray narrowed(NDArray wide, Precision floats) {
        if (floats == Precision.FP32) {
            return wide;
        }
        NDArray narrow = wide.toType(floats.dataType(), false);
        wide.close();
        return narrow;
    }

    private static ByteBuffer widenToFloat32(ByteBuffer half, String dtype) {
        int n = half.remaining() / 2;
        ByteBuffer out = ByteBuffer.allocateDirect(n * 4).order(ByteOrder.nativeOrder());
        boolean brain = "BF16".equals(dtype);
        for (int i = 0; i < n; i++) {
            short bits = half.getShort();
            out.putFloat(brain ? Float.intBitsToFloat((bits & 0xffff) << 16) : HalfFloats.toFloat(bits));
        }
        return out.flip();
    }

    private static int widthOf(String dtype) throws IOException {
        switch (dtype) {
            case "F32":
            case "I32":
                return 4;
            case "F16":
            case "BF16":
                return 2;
            case "I64":
                return 8;
            default:
                throw new IOException("unsupported safetensors dtype " + dtype);
        }
    }

    /**
     * Writes tensors in the given order, floats as they are (fp32 or bf16), integers as int64. The header is padded
     * with spaces to a multiple of 8 bytes, as the reference implementation does, so readers may map the data
     * aligned.
     */
    public static void write(Path file, Map<String, NDArray> tensors, Map<String, String> metadata) throws IOException {
        write(file, tensors, metadata, null);
    }

    /**
     * {@link #write(Path, Map, Map)} with every float32 tensor stored as {@code floats} (bf16 rounded to nearest
     * even, as libtorch converts); null keeps each tensor's own type.
     */
    public static void write(Path file, Map<String, NDArray> tensors, Map<String, String> metadata, Precision floats)
            throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        if (!metadata.isEmpty()) {
            header.put(METADATA, metadata);
        }
        List<NDArray> order = new ArrayList<>();
        List<Boolean> narrow = new ArrayList<>();
        long offset = 0;
        for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
            NDArray array = e.getValue();
            boolean toBf16 = floats == Precision.BF16 && array.getDataType() == DataType.FLOAT32;
            String dtype = toBf16 ? "BF16" : dtypeName(array.getDataType());
            long length = array.size() * (toBf16 ? 2 : array.getDataType().getNumOfBytes());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dtype", dtype);
            entry.put("shape", array.getShape().getShape());
            entry.put("data_offsets", new long[] {offset, offset + length});
            header.put(e.getKey(), entry);
            order.add(array);
            narrow.add(toBf16);
            offset += length;
        }
        byte[] json = JSON.writeValueAsBytes(header);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer prefix = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        prefix.putLong(padded).put(json);
        while (prefix.hasRemaining()) {
            prefix.put((byte) ' ');
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(channel, prefix.flip());
            for (int i = 0; i < order.size(); i++) {
                boolean toBf16 = narrow.get(i);
                withHostBytes(order.get(i), bytes -> writeFully(channel, toBf16 ? BFloat16.fromFloat32(bytes) : bytes));
            }
            channel.force(true);
        }
    }

    /** Reads what the bytes of a host array say. */
    @FunctionalInterface
    public interface BytesReader {
        void read(ByteBuffer littleEndian) throws IOException;
    }

    /**
     * Hands {@code reader} the array's bytes in host memory. DJL copies a device array to the host onto a sub-manager
     * of the array's own manager and keeps it there; that copy is closed here once read, or every checkpoint of a
     * model on a GPU would leave a host copy of the model behind.
     */
    public static void withHostBytes(NDArray array, BytesReader reader) throws IOException {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new UnsupportedOperationException("safetensors on a big-endian machine");
        }
        if (array.getDevice().equals(Device.cpu())) {
            reader.read(array.toByteBuffer());
            return;
        }
        NDArray host = array.toDevice(Device.cpu(), false);
        try {
            reader.read(host.toByteBuffer());
        } finally {
            host.getManager().close();
        }
    }

    private static String dtypeName(DataType type) {
        switch (type) {
            case FLOAT32:
                return "F32";
            case BFLOAT16:
                return "BF16";
            case INT64:
                return "I64";
            default:
                throw new IllegalArgumentException("checkpoints are written as float32, bfloat16 or int64, not " + type);
        }
    }

    /** Reads the metadata block only; handy for step counters stored beside optimizer moments. */
    public static Map<String, String> readMetadata(Path file) throws IOException {
        return readHeader(file).metadata();
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new IOException("unexpected end of safetensors file");
            }
            at += n;
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
