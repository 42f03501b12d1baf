package io.east.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {

    @TempDir
    Path dir;

    @Test
    void float32AndInt64RoundTripExactly() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, NDArray> tensors = new LinkedHashMap<>();
            tensors.put("a.weight", manager.randomNormal(new Shape(3, 5)));
            tensors.put("ids", manager.create(new long[] {1, -2, 3_000_000_000L}));
            Path file = dir.resolve("t.safetensors");
            SafeTensors.write(file, tensors, Map.of("step", "7"));

            Map<String, NDArray> back = SafeTensors.read(file, manager);
            assertThat(back.keySet()).containsExactly("a.weight", "ids");
            assertThat(back.get("a.weight").toFloatArray()).containsExactly(tensors.get("a.weight").toFloatArray());
            assertThat(back.get("ids").toLongArray()).containsExactly(1, -2, 3_000_000_000L);
            assertThat(SafeTensors.readMetadata(file)).containsEntry("step", "7");
            // Data starts 8-byte aligned, as the reference writer pads its header.
            assertThat(SafeTensors.readHeader(file).dataStart() % 8).isZero();
        }
    }

    @Test
    void halfPrecisionIsWidenedToFloat32() throws Exception {
        // 1.0, -2.0, 65504 (max half), smallest subnormal 2^-24, and bf16 1.5, -0.15625, 3.0e38-ish.
        short[] f16 = {0x3c00, (short) 0xc000, 0x7bff, 0x0001};
        short[] bf16 = {0x3fc0, (short) 0xbe20, 0x7f61};
        Path file = dir.resolve("half.safetensors");
        writeRaw(file, f16, bf16);
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, NDArray> back = SafeTensors.read(file, manager);
            assertThat(back.get("h").getDataType()).isEqualTo(DataType.FLOAT32);
            assertThat(back.get("h").toFloatArray()).containsExactly(1f, -2f, 65504f, 0x1p-24f);
            assertThat(back.get("b").toFloatArray()).containsExactly(1.5f, -0.15625f, Float.intBitsToFloat(0x7f610000));
        }
    }

    @Test
    void halfFloatSpecialValues() {
        assertThat(HalfFloats.toFloat((short) 0x7c00)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(HalfFloats.toFloat((short) 0xfc00)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(HalfFloats.toFloat((short) 0x7e00)).isNaN();
        assertThat(Float.floatToIntBits(HalfFloats.toFloat((short) 0x8000))).isEqualTo(0x80000000);
        assertThat(HalfFloats.toFloat((short) 0x3555)).isEqualTo(0.333251953125f);
    }

    private static void writeRaw(Path file, short[] f16, short[] bf16) throws Exception {
        String header = "{\"h\":{\"dtype\":\"F16\",\"shape\":[4],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[3],\"data_offsets\":[8,14]}}";
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(8 + json.length + 14).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(json.length).put(json);
        for (short s : f16) {
            buffer.putShort(s);
        }
        for (short s : bf16) {
            buffer.putShort(s);
        }
        Files.write(file, buffer.array());
    }
}
