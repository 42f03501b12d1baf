package io.east.formats;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Byte-level scans of UTF-8 text that look at eight bytes at a time where the text is plain ASCII. */
final class Utf8Bytes {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long ONES = 0x0101010101010101L;

    private Utf8Bytes() {
    }

    /**
     * Where the first ill-formed sequence of bytes[0, length) starts, or -1 when all of it is well-formed UTF-8 as
     * the Unicode standard defines it (no overlong forms, no surrogates, nothing above U+10FFFF, nothing cut short),
     * which is what the JDK's decoder accepts.
     */
    static int firstMalformed(byte[] bytes, int length) {
        int i = 0;
        while (i < length) {
            if (i + 8 <= length && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
                i += 8;
                continue;
            }
            int lead = bytes[i] & 0xFF;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int more;
            int low = 0x80;
            int high = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF) {
                more = 1;
            } else if (lead == 0xE0) {
                more = 2;
                low = 0xA0;
            } else if (lead == 0xED) {
                more = 2;
                high = 0x9F;
            } else if (lead >= 0xE1 && lead <= 0xEF) {
                more = 2;
            } else if (lead == 0xF0) {
                more = 3;
                low = 0x90;
            } else if (lead == 0xF4) {
                more = 3;
                high = 0x8F;
            } else if (lead >= 0xF1 && lead <= 0xF3) {
                more = 3;
            } else {
                return i;
            }
            if (i + more >= length) {
                return i;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < low || second > high) {
                return i;
            }
            for (int k = 2; k <= more; k++) {
                int next = bytes[i + k] & 0xFF;
                if (next < 0x80 || next > 0xBF) {
                    return i;
                }
            }
            i += more + 1;
        }
        return -1;
    }

    /** The index of the first {@code \n} or {@code \r} in bytes[from, length), or length. */
    static int nextLineBreak(byte[] bytes, int from, int length) {
        int i = from;
        while (i + 8 <= length) {
            long word = (long) LONGS.get(bytes, i);
            if (hasByte(word, '\n') || hasByte(word, '\r')) {
                break;
            }
            i += 8;
        }
        for (; i < length; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                return i;
            }
        }
        return length;
    }

    /** Whether any of the eight bytes of a word is {@code value}: the classic zero-byte test on word ^ value. */
    private static boolean hasByte(long word, int value) {
        long x = word ^ (value * ONES);
        return ((x - ONES) & ~x & HIGH_BITS) != 0;
    }
}
