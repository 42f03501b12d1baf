package io.east.formats;

/** One line of a GSM8K file: the question and the gold final answer (the {@code ####} line of its solution). */
public record Gsm8kProblem(String question, String gold) {
}
