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
 * n responses is a short solution ending in a boxed answer that is right with a per-question probability, else one
 * of a few wrong answers, some written as fractions or decimals so equivalence clustering has work to do.
 */
public final class SyntheticGenerations {

    private SyntheticGenerations() {
    }

    public static void writeQwenEval(Path file, int questions, int n, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
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
                    code[i] = "We compute step by step: " + gold + " - 1 + 1 = " + answer
                            + ". So the answer is \\boxed{" + answer + "}.";
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
