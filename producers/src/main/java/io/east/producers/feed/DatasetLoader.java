package io.east.producers.feed;

import io.east.formats.BadLineException;
import io.east.formats.Gsm8kFormat;
import io.east.formats.Gsm8kProblem;
import io.east.formats.LineError;
import io.east.formats.LineScan;
import io.east.formats.MathFormat;
import io.east.formats.MathProblem;
import io.east.producers.synthetic.Split;
import io.east.producers.synthetic.SyntheticDataset;
import io.east.producers.synthetic.SyntheticProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the questions of a dataset; a bad line is reported with file and line number and skipped. */
public final class DatasetLoader {

    public static final String DEFAULT_SPLIT = "train";

    private DatasetLoader() {
    }

    /**
     * The file a dataset reads: PATH itself, or PATH/SPLIT.jsonl when PATH is a directory.
     *
     * @param split null for the default; refused for a file, which is already one split
     * @throws IllegalArgumentException when there is no such readable file, or a split was given for a file
     */
    public static Path resolve(DatasetSpec spec, String split) {
        if (spec.kind() == DatasetKind.SYNTHETIC) {
            throw new IllegalArgumentException("the synthetic dataset has no file");
        }
        Path path = spec.path();
        if (Files.isDirectory(path)) {
            String name = split == null ? DEFAULT_SPLIT : split;
            if (name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
                throw new IllegalArgumentException("--split must be a file name such as train or test, got '"
                        + name + "'");
            }
            path = path.resolve(name + ".jsonl");
        } else if (split != null) {
            throw new IllegalArgumentException("--split applies to the synthetic dataset and to dataset directories; "
                    + spec.path() + " is a file");
        }
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException(spec.name() + ": no such file: " + path);
        }
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException(spec.name() + ": cannot read " + path);
        }
        return path;
    }

    /**
     * @param split train or test for the synthetic dataset, a file name for a directory; null for the default
     * @param syntheticSize how many synthetic problems to make (ignored for files)
     */
    public static LoadedQuestions load(DatasetSpec spec, String split, int syntheticSize) throws IOException {
        return switch (spec.kind()) {
            case SYNTHETIC -> synthetic(spec.seed(), Split.parse(split == null ? DEFAULT_SPLIT : split),
                    syntheticSize);
            case GSM8K, MATH -> file(spec.kind(), resolve(spec, split));
        };
    }

    static LoadedQuestions synthetic(long seed, Split split, int size) {
        List<FeedQuestion> questions = new ArrayList<>(size);
        for (SyntheticProblem problem : new SyntheticDataset(seed).split(split, size)) {
            questions.add(new FeedQuestion(problem.id(), problem.question(), problem.gold(),
                    Integer.toString(problem.level())));
        }
        return new LoadedQuestions(questions, List.of(), 0);
    }

    /** Reads a GSM8K or MATH file; a question id that repeats an earlier line's is an error on the later line. */
    public static LoadedQuestions file(DatasetKind kind, Path file) throws IOException {
        List<FeedQuestion> questions = new ArrayList<>();
        Map<String, Long> lineOfId = new HashMap<>();
        String stem = stem(file);
        LineScan scan = LineScan.of(file, count -> { }, line -> {
            FeedQuestion question = kind == DatasetKind.GSM8K
                    ? gsm8k(Gsm8kFormat.parse(line.json()), stem, line.number())
                    : math(MathFormat.parse(line.json()), stem, line.number());
            Long first = lineOfId.putIfAbsent(question.questionId(), line.number());
            if (first != null) {
                throw new BadLineException("question id " + question.questionId() + " repeats line " + first);
            }
            questions.add(question);
        });
        return new LoadedQuestions(questions, scan.errors(), scan.lines());
    }

    /** GSM8K has no ids: the file's name and the 1-based line number, e.g. train-17 for train.jsonl:17. */
    private static FeedQuestion gsm8k(Gsm8kProblem problem, String stem, long line) {
        return new FeedQuestion(stem + "-" + line, problem.question(), problem.gold(), null);
    }

    private static FeedQuestion math(MathProblem problem, String stem, long line) {
        String id = problem.uniqueId() != null ? problem.uniqueId() : stem + "-" + line;
        return new FeedQuestion(id, problem.problem(), problem.gold(), problem.level());
    }

    /**
     * A split's name from its file: train.jsonl gives train, math500_test.jsonl gives math500_test. GSM8K question ids
     * and an evaluated single file's split are named by it.
     */
    public static String stem(Path file) {
        Path name = file.getFileName();
        String text = name == null ? file.toString() : name.toString();
        for (String extension : new String[] {".jsonl", ".json"}) {
            if (text.endsWith(extension) && text.length() > extension.length()) {
                return text.substring(0, text.length() - extension.length());
            }
        }
        return text;
    }
}
