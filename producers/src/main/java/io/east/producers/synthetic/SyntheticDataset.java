package io.east.producers.synthetic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The built-in dataset: GSM8K-format arithmetic word problems in {@value #LEVELS} difficulty levels (see
 * producers/SYNTHETIC.md), small enough for a tiny model to learn on a CPU.
 *
 * <p>Deterministic: the same seed, split and count give the same problems on every JVM (java.util.Random's algorithm
 * is specified), and a shorter list is a prefix of a longer one. Levels take turns (1, 2, 3, 4, 1, ...), so each
 * level is exactly a quarter of any multiple of four problems. Train and test are disjoint by construction: a
 * question belongs to one split only (see {@link Split}), and no question text repeats within a split.
 */
public final class SyntheticDataset {

    public static final int LEVELS = Levels.COUNT;
    public static final long DEFAULT_SEED = 0;
    /** The sizes the feeder uses when no --limit is given. */
    public static final int TRAIN_SIZE = 5_000;
    public static final int TEST_SIZE = 1_000;
    /**
     * Draws per problem before giving up: a split runs out of distinct level-1 questions only far beyond its default
     * size (level 1 has about 116 computations times 300 wordings, a fifth of them in the test split).
     */
    private static final int MAX_DRAWS = 100_000;

    private final long seed;

    public SyntheticDataset(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    public static int defaultSize(Split split) {
        return split == Split.TRAIN ? TRAIN_SIZE : TEST_SIZE;
    }

    public List<SyntheticProblem> split(String split, int count) {
        return split(Split.parse(split), count);
    }

    /** The first {@code count} problems of a split. */
    public List<SyntheticProblem> split(Split split, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        // Each split has its own random stream, so the train problems do not depend on how many test ones were drawn.
        Random random = new Random(seed * 31 + split.ordinal());
        Set<String> questions = new HashSet<>();
        List<SyntheticProblem> problems = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            int level = index % LEVELS + 1;
            problems.add(draw(split, index, level, random, questions));
        }
        return problems;
    }

    private SyntheticProblem draw(Split split, int index, int level, Random random, Set<String> questions) {
        for (int draws = 0; draws < MAX_DRAWS; draws++) {
            Computation computation = Levels.draw(level, random);
            String question = Wording.question(computation, random);
            if (Split.of(question) == split && questions.add(question)) {
                return new SyntheticProblem("s" + seed + "-" + split.id() + "-" + index, level, question,
                        Wording.solution(computation), computation.answer(), computation.steps());
            }
        }
        throw new IllegalStateException("the " + split.id() + " split has no more distinct level-" + level
                + " problems after " + index + " problems; ask for fewer");
    }
}
