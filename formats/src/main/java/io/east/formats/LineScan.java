package io.east.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * One pass over a JSON Lines file that hands every well-formed line to a handler and collects, instead of
 * throwing, the errors of the lines that are not JSON objects or that the handler refuses.
 */
public record LineScan(long lines, List<LineError> errors) {

    public interface LineHandler {
        void accept(JsonLines.Line line) throws BadLineException;
    }

    public static LineScan of(Path file, LongConsumer onLine, LineHandler handler) throws IOException {
        List<LineError> errors = new ArrayList<>();
        long lines = 0;
        try (JsonLines input = JsonLines.open(file)) {
            for (JsonLines.Line line : input) {
                onLine.accept(++lines);
                if (!line.ok()) {
                    errors.add(line.error());
                    continue;
                }
                try {
                    handler.accept(line);
                } catch (BadLineException e) {
                    errors.add(line.error(e.getMessage()));
                }
            }
        }
        return new LineScan(lines, List.copyOf(errors));
    }
}
