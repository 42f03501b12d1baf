package io.east.model;

import ai.djl.ndarray.types.DataType;
import java.util.Locale;

/**
 * The floating-point type weights are stored in, or that a forward pass computes in. bf16 needs a libtorch set up by
 * {@code east torch-setup}: DJL's bundled JNI has no bfloat16 type.
 */
public enum Precision {
    FP32(DataType.FLOAT32, "float32", "F32"),
    BF16(DataType.BFLOAT16, "bfloat16", "BF16");

    private final DataType dataType;
    private final String torchName;
    private final String safetensorsName;

    Precision(DataType dataType, String torchName, String safetensorsName) {
        this.dataType = dataType;
        this.torchName = torchName;
        this.safetensorsName = safetensorsName;
    }

    public DataType dataType() {
        return dataType;
    }

    /** The name transformers writes in config.json ({@code torch_dtype}, {@code dtype}). */
    public String torchName() {
        return torchName;
    }

    /** The dtype name in a safetensors header. */
    public String safetensorsName() {
        return safetensorsName;
    }

    /** {@code fp32} or {@code bf16}, as the command-line flags spell them. */
    public static Precision parse(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "fp32":
            case "float32":
                return FP32;
            case "bf16":
            case "bfloat16":
                return BF16;
            default:
                throw new IllegalArgumentException("precision must be fp32 or bf16, got '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
