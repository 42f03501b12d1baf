package io.east.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The byte scans agree with the JDK's decoder and with a plain search. */
class Utf8BytesTest {

    /** Bytes around every boundary of the well-formed table, plus ASCII and line breaks. */
    private static final int[] INTERESTING = {
        0x00, 0x0A, 0x0D, 0x20, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1,
        0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};

    /** Where the JDK's decoder, refusing bad input, first stops; -1 when it decodes everything. */
    private static int jdkFirstMalformed(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = decoder.decode(in, CharBuffer.allocate(bytes.length + 1), true);
        return result.isError() ? in.position() : -1;
    }

    @Test
    void wellFormedIsWhatTheJdkDecodesAndTheFirstBadByteIsWhereItStops() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 200_000; trial++) {
            byte[] bytes = new byte[random.nextInt(1, 24)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (random.nextInt(3) == 0 ? 'a' : INTERESTING[random.nextInt(INTERESTING.length)]);
            }
            assertThat(Utf8Bytes.firstMalformed(bytes, bytes.length)).as("%s", java.util.HexFormat.of()
                    .formatHex(bytes)).isEqualTo(jdkFirstMalformed(bytes));
        }
    }

    @Test
    void everyCodePointEncodedByTheJdkIsWellFormed() {
        StringBuilder text = new StringBuilder();
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint += 7) {
            if (codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE) {
                text.appendCodePoint(codePoint);
            }
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8Bytes.firstMalformed(bytes, bytes.length)).isEqualTo(-1);
    }

    @Test
    void findsTheFirstLineBreakWhereverItIs() {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 20_000; trial++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                int pick = random.nextInt(30);
                bytes[i] = (byte) (pick == 0 ? '\n' : pick == 1 ? '\r' : pick == 2 ? 0x8A : pick == 3 ? 0x0B : 'x');
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            int expected = bytes.length;
            for (int i = from; i < bytes.length; i++) {
                if (bytes[i] == '\n' || bytes[i] == '\r') {
                    expected = i;
                    break;
                }
            }
            assertThat(Utf8Bytes.nextLineBreak(bytes, from, bytes.length)).isEqualTo(expected);
        }
    }
}
