package io.east.formats;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a file into byte ranges that each start at the beginning of a line, so that they can be read in parallel.
 * A range ends just after a {@code \n}: a {@code \r\n} pair is never cut, and neither is a UTF-8 sequence.
 */
final class LineRanges {

    /** The bytes [start, end) of a file. */
    record LineRange(long start, long end) {

        long length() {
            return end - start;
        }
    }

    private static final int PROBE_BYTES = 8 * 1024;

    private LineRanges() {
    }

    /**
     * @param targetBytes the size aimed at; a range is longer by the rest of the line it would otherwise cut
     */
    static List<LineRange> split(FileChannel channel, long targetBytes) throws IOException {
        long size = channel.size();
        List<LineRange> ranges = new ArrayList<>();
        long start = 0;
        while (start < size) {
            long end = start + targetBytes >= size ? size : lineStartAtOrAfter(channel, start + targetBytes, size);
            ranges.add(new LineRange(start, end));
            start = end;
        }
        return ranges;
    }

    /** The position just after the first {@code \n} at or after {@code from}, or the file's size if none. */
    private static long lineStartAtOrAfter(FileChannel channel, long from, long size) throws IOException {
        ByteBuffer probe = ByteBuffer.allocate(PROBE_BYTES);
        long position = from;
        while (position < size) {
            probe.clear();
            int read = channel.read(probe, position);
            if (read <= 0) {
                break;
            }
            for (int i = 0; i < read; i++) {
                if (probe.get(i) == '\n') {
                    return position + i + 1;
                }
            }
            position += read;
        }
        return size;
    }
}
