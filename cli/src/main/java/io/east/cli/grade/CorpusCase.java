package io.east.cli.grade;

import java.nio.file.Path;

/** One labelled equivalence case of the grading corpus, with the file and line it was read from. */
public record CorpusCase(String id, String prediction, String gold, boolean expected, String category, String split,
        String source, String note, Path file, long line) {

    /** Where the case is, as errors and listings name it. */
    public String where() {
        return file + ":" + line;
    }
}
