package io.east.ablation;

import io.east.formats.BadLineException;
import io.east.formats.JsonLines;
import io.east.formats.LineError;
import io.east.formats.SamplesFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Reads a samples JSONL file (what {@code east sample} writes and {@code east tail east.samples} prints). */
public final class SampleFileLog {

    private SampleFileLog() {
    }

    public static SampleLog read(Path file) throws IOException {
        SampleLogBuilder builder = new SampleLogBuilder();
        try (JsonLines lines = JsonLines.open(file)) {
            for (JsonLines.Line line : lines) {
                if (!line.ok()) {
                    builder.error(line.error());
                    continue;
                }
                try {
                    Optional<String> problem = builder.add(SamplesFormat.parse(line.json()), -1);
                    problem.ifPresent(reason -> builder.refused(new LineError(file, line.number(), reason)));
                } catch (BadLineException e) {
                    builder.error(line.error(e.getMessage()));
                }
            }
        }
        return builder.build(file.toString());
    }
}
