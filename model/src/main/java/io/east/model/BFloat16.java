package io.east.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** float32 to bfloat16 in Java, rounding to nearest even as libtorch does (c10::BFloat16's constructor). */
final class BFloat16 {

    private BFloat16() {}

    /** The upper 16 bits of a float32, rounded to nearest even; NaN stays a quiet NaN. */
    static short fromFloat32(float value) {
        if (Float.isNaN(value)) {
            return (short) 0x7FC0;
        }
        int bits = Float.floatToRawIntBits(value);
        int rounding = 0x7FFF + ((bits >>> 16) & 1);
        return (short) ((bits + rounding) >>> 16);
    }

    /** A little-endian float32 buffer as a little-endian bf16 buffer of half the size. */
    static ByteBuffer fromFloat32(ByteBuffer float32) {
        ByteBuffer in = float32.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer out = ByteBuffer.allocateDirect(in.remaining() / 2).order(ByteOrder.LITTLE_ENDIAN);
        while (in.remaining() >= 4) {
            out.putShort(fromFloat32(in.getFloat()));
        }
        return out.flip();
    }
}
