package io.east.formats;

import io.east.formats.LineRanges.LineRange;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over a JSON Lines file, as {@link LineScan} makes it and with the same line numbers and errors, but with
 * the lines parsed on several threads: the file is cut into line ranges, each range is parsed on its own, and the
 * values are handed over in file order on the calling thread. Standard input ("-") and pipes are read line by line on
 * the calling thread.
 */
public final class ParallelLineScan {

    /**
     * Turns one non-blank line, as well-formed UTF-8, into a value, or refuses it with the reason to report. Runs on
     * several threads.
     */
    public interface LineParser<T> {
        T parse(byte[] utf8, int offset, int length) throws BadLineException;
    }

    /** Takes the values in file order, on the calling thread; it may still refuse a line, e.g. a repeated key. */
    public interface LineSink<T> {
        void accept(T value, long line) throws BadLineException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ParallelLineScan.class);

    /**
     * Big enough that a range's fixed costs vanish, small enough that the threads share the work evenly and that
     * each thread's buffer stays small.
     */
    static final long RANGE_BYTES = 1L << 20;
    /** A range is read into one array; a file with lines this long is read on one thread instead. */
    private static final long MAX_RANGE_BYTES = 1L << 30;

    private record Parsed<T>(int lineInRange, T value, String refusal) {
    }

    private record RangeResult<T>(RangeLines.Outcome outcome, List<Parsed<T>> lines) {
    }

    private ParallelLineScan() {
    }

    /** How a file is cut and shared out: ranges of about rangeBytes, parsed on up to threads threads. */
    record Split(long rangeBytes, int threads) {

        Split {
            if (rangeBytes < 1 || threads < 1) {
                throw new IllegalArgumentException("rangeBytes and threads must be >= 1");
            }
        }

        static Split forThisMachine() {
            return new Split(RANGE_BYTES, Runtime.getRuntime().availableProcessors());
        }
    }

    /** @param onLine called on the calling thread with the running count of non-blank lines, for progress */
    public static <T> LineScan scan(Path file, LongConsumer onLine, LineParser<T> parser, LineSink<T> sink)
            throws IOException {
        return scan(file, Split.forThisMachine(), onLine, parser, sink);
    }

    static <T> LineScan scan(Path file, Split split, LongConsumer onLine, LineParser<T> parser, LineSink<T> sink)
            throws IOException {
        Merge<T> merge = new Merge<>(file, onLine, sink);
        // Standard input and pipes cannot be cut into ranges.
        if (JsonLines.isStandardInput(file) || !Files.isRegularFile(file)) {
            return sequential(file, parser, merge);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            List<LineRange> ranges = LineRanges.split(channel, split.rangeBytes());
            if (ranges.stream().anyMatch(range -> range.length() > MAX_RANGE_BYTES)) {
                return sequential(file, parser, merge);
            }
            int workers = Math.min(split.threads(), ranges.size());
            LOG.atDebug().addKeyValue("file", file).addKeyValue("ranges", ranges.size())
                    .addKeyValue("threads", workers).log("reading in line ranges");
            if (workers <= 1) {
                RangeBuffer buffer = new RangeBuffer();
                for (LineRange range : ranges) {
                    merge.add(parseRange(channel, range, buffer, parser));
                }
                return merge.result();
            }
            return parallel(channel, ranges, workers, parser, merge);
        }
    }

    private static <T> LineScan parallel(FileChannel channel, List<LineRange> ranges, int workers,
            LineParser<T> parser, Merge<T> merge) throws IOException {
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, task -> {
            Thread thread = new Thread(task, "east-read-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            // One buffer per worker thread, dropped with the pool.
            ThreadLocal<RangeBuffer> buffers = ThreadLocal.withInitial(RangeBuffer::new);
            List<Future<RangeResult<T>>> results = new ArrayList<>(ranges.size());
            for (LineRange range : ranges) {
                results.add(pool.submit(() -> parseRange(channel, range, buffers.get(), parser)));
            }
            // Each range is merged as soon as it and those before it are parsed, while later ranges still are.
            for (Future<RangeResult<T>> result : results) {
                merge.add(await(result));
            }
            return merge.result();
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> RangeResult<T> await(Future<RangeResult<T>> result) throws IOException {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static <T> RangeResult<T> parseRange(FileChannel channel, LineRange range, RangeBuffer buffer,
            LineParser<T> parser) throws IOException {
        List<Parsed<T>> lines = new ArrayList<>();
        byte[] bytes = buffer.atLeast(range.length());
        RangeLines.Outcome outcome = RangeLines.read(channel, range, bytes, (utf8, offset, length, line) -> {
            try {
                lines.add(new Parsed<>(line, parser.parse(utf8, offset, length), null));
            } catch (BadLineException e) {
                lines.add(new Parsed<>(line, null, e.getMessage()));
            }
        });
        return new RangeResult<>(outcome, lines);
    }

    /** The bytes of one range at a time, grown to the longest range seen. */
    private static final class RangeBuffer {
        private byte[] bytes = new byte[0];

        /** Room to spare, as the next range is usually a line longer or shorter than this one. */
        byte[] atLeast(long length) {
            if (bytes.length < length) {
                bytes = new byte[Math.toIntExact(Math.min(MAX_RANGE_BYTES, length + length / 4))];
            }
            return bytes;
        }
    }

    /** Line by line, for standard input and for files whose lines are too long to cut into ranges. */
    private static <T> LineScan sequential(Path file, LineParser<T> parser, Merge<T> merge) throws IOException {
        BufferedReader reader = JsonLines.reader(file);
        try {
            long number = 0;
            String text;
            while ((text = readLine(reader, file, number)) != null) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                try {
                    merge.line(number, parser.parse(utf8, 0, utf8.length), null);
                } catch (BadLineException e) {
                    merge.line(number, null, e.getMessage());
                }
            }
            return merge.result();
        } finally {
            if (!JsonLines.isStandardInput(file)) {
                reader.close();
            }
        }
    }

    private static String readLine(BufferedReader reader, Path file, long linesRead) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + " at line " + (linesRead + 1), e);
        }
    }

    /** Puts the ranges back in file order: global line numbers, progress, the sink's checks, the errors. */
    private static final class Merge<T> {
        private final Path file;
        private final LongConsumer onLine;
        private final LineSink<T> sink;
        private final List<LineError> errors = new ArrayList<>();
        private long linesBefore;
        private long nonBlank;

        Merge(Path file, LongConsumer onLine, LineSink<T> sink) {
            this.file = file;
            this.onLine = onLine;
            this.sink = sink;
        }

        void add(RangeResult<T> range) {
            if (range.outcome().malformedLine() > 0) {
                // The reader of lines has always failed the whole read here; so does this one.
                throw new UncheckedIOException("reading " + file + " at line "
                        + (linesBefore + range.outcome().malformedLine()), new MalformedInputException(1));
            }
            for (Parsed<T> line : range.lines()) {
                line(linesBefore + line.lineInRange(), line.value(), line.refusal());
            }
            linesBefore += range.outcome().lines();
        }

        void line(long number, T value, String refusal) {
            onLine.accept(++nonBlank);
            if (refusal != null) {
                errors.add(new LineError(file, number, refusal));
                return;
            }
            try {
                sink.accept(value, number);
            } catch (BadLineException e) {
                errors.add(new LineError(file, number, e.getMessage()));
            }
        }

        LineScan result() {
            return new LineScan(nonBlank, List.copyOf(errors));
        }
    }
}
