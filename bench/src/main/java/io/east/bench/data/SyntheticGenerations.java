package io.east.bench.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a qwen-eval file that looks like a model's generations: each question has a gold integer, and each of its
 * n responses is a solution ending in a boxed answer that is right with a per-question probability, else one of a
 * few wrong answers, some written as fractions or decimals so equivalence clustering has work to do.
 */
public final class SyntheticGenerations {

    /** Reasoning steps that pad a response to the asked length; LaTeX and one non-ASCII sign, as real ones have. */
    private static final String[] STEPS = {
        "First we write the quantity as $x$ and note that $x + 1 - 1 = x$. ",
        "Multiplying both sides by $2$ gives $2x$, and dividing by $2$ again gives back $x$. ",
        "We check the arithmetic: $\\frac{2x}{2} = x$, so nothing was lost. ",
        "Subtracting one and adding one cancel, since $-1 + 1 = 0$. ",
        "Let us also verify with a small case: if $x = 3$ then $3 - 1 + 1 = 3$ \u2713. ",
        "Therefore the expression simplifies and we only need the given number. ",
    };

    private SyntheticGenerations() {
    }

    /** Responses of one line of about 90 characters, as the bench has always used. */
    public static void writeQwenEval(Path file, int questions, int n, long seed) throws IOException {
        writeQwenEval(file, questions, n, 0, seed);
    }

    /**
     * @param responseChars the length of every response, reached with reasoning steps cut to fit; 0 (or anything
     *     under the bare solution's length) keeps the one-line solution, so the file is the same as before
     */
    public static void writeQwenEval(Path file, int questions, int n, int responseChars, long seed)
            throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        // The padding has its own stream, so the answers of a seed do not depend on the length asked for.
        SplittableRandom padding = new SplittableRandom(seed ^ 0x5DEECE66DL);
        ObjectMapper json = new ObjectMapper();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int q = 0; q < questions; q++) {
                int gold = 2 + random.nextInt(500);
                double pCorrect = random.nextDouble();
                String[] code = new String[n];
                String[] pred = new String[n];
                boolean[] score = new boolean[n];
                for (int i = 0; i < n; i++) {
                    String answer = pickAnswer(random, gold, pCorrect);
                    code[i] = response(gold, answer, responseChars, padding);
                    pred[i] = answer;
                    score[i] = answer.equals(Integer.toString(gold));
                }
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("idx", q);
                line.put("question", "What is " + gold + " - 1 + 1?");
                line.put("gt", Integer.toString(gold));
                line.put("code", code);
                line.put("pred", pred);
                line.put("score", score);
                out.write(json.writeValueAsString(line));
                out.newLine();
            }
        }
    }

    static String response(int gold, String answer, int responseChars, SplittableRandom padding) {
        String opening = "We compute step by step: " + gold + " - 1 + 1 = " + answer + ". ";
        String conclusion = "So the answer is \\boxed{" + answer + "}.";
        int room = responseChars - opening.length() - conclusion.length();
        if (room <= 0) {
            return opening.strip() + " " + conclusion;
        }
        StringBuilder text = new StringBuilder(responseChars + 100).append(opening);
        while (text.length() < opening.length() + room) {
            text.append(STEPS[padding.nextInt(STEPS.length)]);
        }
        text.setLength(opening.length() + room);
        return text.append(conclusion).toString();
    }

    static String pickAnswer(SplittableRandom random, int gold, double pCorrect) {
        if (random.nextDouble() < pCorrect) {
            return Integer.toString(gold);
        }
        return switch (random.nextInt(4)) {
            case 0 -> Integer.toString(gold + 1);
            case 1 -> Integer.toString(gold * 2);
            case 2 -> (gold * 2 + 1) + "/2";
            default -> (gold / 2) + ".5";
        };
    }
}
