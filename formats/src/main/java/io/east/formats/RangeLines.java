package io.east.formats;

import io.east.formats.LineRanges.LineRange;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * The lines of one byte range of a file, split as {@link java.io.BufferedReader#readLine} splits them (a line ends at
 * {@code \n}, {@code \r} or {@code \r\n}), with bytes that are not UTF-8 refused, as the reader of lines refuses them.
 * Lines stay UTF-8 bytes: they go to a parser that reads bytes, with no decoding pass of their own.
 */
final class RangeLines {

    /** Sees every non-blank line of a range with its number counted from 1 in the range. */
    interface LineVisitor {
        void visit(byte[] utf8, int offset, int length, int lineInRange);
    }

    /**
     * @param lines every line of the range, blank ones too, as they count in line numbers
     * @param malformedLine the line in the range whose bytes are not UTF-8, or 0 when all are
     */
    record Outcome(int lines, int malformedLine) {
    }

    private RangeLines() {
    }

    /**
     * @param bytes where the range is read to, at least as long as the range; a thread reuses one, so that reading
     *     a file allocates little besides what the parser keeps
     */
    static Outcome read(FileChannel channel, LineRange range, byte[] bytes, LineVisitor visitor) throws IOException {
        int length = Math.toIntExact(range.length());
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, range.start() + buffer.position()) < 0) {
                throw new IOException("the file shrank while it was read");
            }
        }
        int malformed = Utf8Bytes.firstMalformed(bytes, length);
        if (malformed >= 0) {
            // The lines before the bad bytes are not wanted: the whole read fails, as it always has.
            return new Outcome(0, visit(bytes, malformed, (utf8, offset, size, line) -> { }, true) + 1);
        }
        return new Outcome(visit(bytes, length, visitor, false), 0);
    }

    /**
     * Visits the non-blank lines of bytes[0, length) and returns how many lines there were.
     *
     * @param endsOnly count only the line breaks, not a last line without one
     */
    static int visit(byte[] bytes, int length, LineVisitor visitor, boolean endsOnly) {
        int line = 0;
        int start = 0;
        while (start < length) {
            int end = Utf8Bytes.nextLineBreak(bytes, start, length);
            if (end == length && endsOnly) {
                break;
            }
            line++;
            if (!isBlank(bytes, start, end)) {
                visitor.visit(bytes, start, end - start, line);
            }
            if (end < length && bytes[end] == '\r' && end + 1 < length && bytes[end + 1] == '\n') {
                end++;
            }
            start = end + 1;
        }
        return line;
    }

    /** As {@link String#isBlank} of the decoded line; only a line of white space and non-ASCII is decoded. */
    private static boolean isBlank(byte[] bytes, int from, int to) {
        boolean nonAscii = false;
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                nonAscii = true;
            } else if (!Character.isWhitespace(bytes[i])) {
                return false;
            }
        }
        return !nonAscii || new String(bytes, from, to - from, StandardCharsets.UTF_8).isBlank();
    }
}
