package io.east.formats;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Byte-level scans of UTF-8 text that look at eight bytes at a time where the text is plain ASCII. */
final class Utf8Bytes {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long ONES = 0x0101010101010101L;
    /** Per lead byte, the row of Unicode's table of well-formed UTF-8 sequences (Table 3-7); null where none. */
    private static final Lead[] LEADS = new Lead[256];

    static {
        row(0xC2, 0xDF, 1, 0x80, 0xBF);
        row(0xE0, 0xE0, 2, 0xA0, 0xBF);
        row(0xE1, 0xEC, 2, 0x80, 0xBF);
        row(0xED, 0xED, 2, 0x80, 0x9F);
        row(0xEE, 0xEF, 2, 0x80, 0xBF);
        row(0xF0, 0xF0, 3, 0x90, 0xBF);
        row(0xF1, 0xF3, 3, 0x80, 0xBF);
        row(0xF4, 0xF4, 3, 0x80, 0x8F);
    }

    /** How many continuation bytes follow a lead byte, and the range of the first; the others are 80..BF. */
    private record Lead(int more, int secondLow, int secondHigh) {
    }

    private Utf8Bytes() {
    }

    private static void row(int first, int last, int more, int secondLow, int secondHigh) {
        Lead lead = new Lead(more, secondLow, secondHigh);
        for (int b = first; b <= last; b++) {
            LEADS[b] = lead;
        }
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
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            Lead lead = LEADS[b];
            if (lead == null || i + lead.more() >= length) {
                return i;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < lead.secondLow() || second > lead.secondHigh()) {
                return i;
            }
            for (int k = 2; k <= lead.more(); k++) {
                int next = bytes[i + k] & 0xFF;
                if (next < 0x80 || next > 0xBF) {
                    return i;
                }
            }
            i += lead.more() + 1;
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
