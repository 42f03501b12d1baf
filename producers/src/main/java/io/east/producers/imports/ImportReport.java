package io.east.producers.imports;

import io.east.formats.LineError;
import java.util.List;

/**
 * The outcome of an import.
 *
 * @param lines non-blank lines read
 * @param samplesPublished samples acknowledged by the brokers
 * @param malformed lines that were not imported because they were wrong, each with its file and line
 * @param notPublished lines with at least one sample whose send failed
 * @param abortedBy why the import stopped before the end of the file (the brokers could not be reached, access was
 *     denied, ...), or null when it read the whole file
 */
public record ImportReport(long lines, long samplesPublished, List<LineError> malformed,
        List<LineError> notPublished, String abortedBy) {

    public ImportReport {
        malformed = List.copyOf(malformed);
        notPublished = List.copyOf(notPublished);
    }

    public boolean ok() {
        return malformed.isEmpty() && notPublished.isEmpty() && abortedBy == null;
    }
}
