package io.east.ablation;

import io.east.model.Checkpoints;
import io.east.model.LlamaConfig;
import io.east.model.Tokenizers;
import io.east.schemas.ReasoningSample;
import io.east.schemas.serde.RecordJson;
import io.east.testkit.GradedSamples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Sample logs for tests. A task's answers are written as {@code "5+"} (the correct answer 5), {@code "7-"} (a wrong
 * 7) or {@code "-"} (no answer, wrong); the gold answer is always 5.
 */
final class TestLogs {

    /** Seven answer patterns at n = 4: four distinct entropies among the kept ones, and one task of each discard. */
    static final List<String[]> PATTERNS = List.of(
            new String[] {"5+", "5+", "7-", "8-"},   // h = 1.5, kept
            new String[] {"5+", "7-", "7-", "7-"},   // h = 0.811, kept
            new String[] {"5+", "5+", "5+", "7-"},   // h = 0.811, kept
            new String[] {"5+", "6-", "7-", "8-"},   // h = 2, kept
            new String[] {"5+", "5+", "5+", "5+"},   // all_correct
            new String[] {"7-", "7-", "8-", "9-"},   // no_correct
            new String[] {"5+", "-", "-", "7-"});    // h = 1.5 (no answer is one cluster), kept

    /** Kept tasks per round of {@link #PATTERNS}. */
    static final int KEPT_PER_ROUND = 5;

    /**
     * A tiny random Llama (about 20k parameters, 256 positions, the character tokenizer), as the producers' tests
     * make one: small enough to train and evaluate in seconds.
     */
    static final LlamaConfig TINY = LlamaConfig.small(Tokenizers.CHARACTER_LEVEL_VOCAB_SIZE, 32, 2, 4, 2, 64, 256);

    private TestLogs() {
    }

    static Path tinyCheckpoint(Path dir, long seed) throws IOException {
        Checkpoints.writeFresh(dir, TINY, seed);
        return dir;
    }

    static ReasoningSample sample(String taskId, int index, int n, String spec) {
        String answer = spec.length() > 1 ? spec.substring(0, spec.length() - 1) : null;
        boolean correct = spec.endsWith("+");
        return GradedSamples.builder(taskId, index, n, answer, correct)
                .setQuestion("What is 2 + 3 in " + taskId + "?")
                .setResponse(answer == null ? "No idea (" + index + ")." : "2 + 3 = \\boxed{" + answer + "} (" + index
                        + ").")
                .build();
    }

    /** Every sample of one task, in sample_index order. */
    static List<ReasoningSample> task(String taskId, String... answers) {
        List<ReasoningSample> samples = new ArrayList<>();
        for (int i = 0; i < answers.length; i++) {
            samples.add(sample(taskId, i, answers.length, answers[i]));
        }
        return samples;
    }

    /** {@code rounds} times every pattern, tasks named t000, t001, ... in log order. */
    static List<ReasoningSample> mixedLog(int rounds) {
        List<ReasoningSample> samples = new ArrayList<>();
        int next = 0;
        for (int round = 0; round < rounds; round++) {
            for (String[] pattern : PATTERNS) {
                samples.addAll(task(String.format("t%03d", next++), pattern));
            }
        }
        return samples;
    }

    /** A samples JSONL file as {@code east sample} writes it: one ReasoningSample per line, Avro field names. */
    static Path write(Path file, List<ReasoningSample> samples) throws IOException {
        Files.writeString(file, samples.stream().map(RecordJson::toJson).collect(Collectors.joining("\n", "", "\n")),
                StandardCharsets.UTF_8);
        return file;
    }

    /** Entropy in bits of cluster counts. */
    static double bits(int... counts) {
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        double h = 0;
        for (int c : counts) {
            double p = (double) c / total;
            h -= p * Math.log(p) / Math.log(2);
        }
        return h;
    }
}
