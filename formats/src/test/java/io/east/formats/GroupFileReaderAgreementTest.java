package io.east.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming, parallel reader gives exactly what the tree-per-line reader gave (groups, errors with their line
 * numbers and wording, line counts) on valid files, on every kind of bad line, and however the file is cut into
 * ranges and shared out.
 */
class GroupFileReaderAgreementTest {

    private static final GroupFileReader.Origin ORIGIN = new GroupFileReader.Origin("gsm8k", 3);

    /** Cut everywhere a line can be cut, and not at all, on one thread and on several. */
    private static final List<ParallelLineScan.Split> SPLITS = List.of(
            new ParallelLineScan.Split(1, 1), new ParallelLineScan.Split(1, 3), new ParallelLineScan.Split(7, 2),
            new ParallelLineScan.Split(64, 4), new ParallelLineScan.Split(300, 2),
            new ParallelLineScan.Split(1 << 20, 2), ParallelLineScan.Split.forThisMachine());

    @TempDir
    Path dir;

    /** Lines that each take another turn of the parsers: odd types, odd numbers, odd JSON, odd text. */
    private static final List<String> QWEN_EVAL_ODDITIES = List.of(
            line("1", "\"4\"", "[\"\\\\boxed{4}\", \"no box\"]", "[\"4\", \"5\"]", "[true, false]"),
            line("2.5", "\"4\"", "[\"\\\\boxed{4}\"]", "[\"4\"]", "[true]"),
            line("12345678901234567890123", "\"4\"", "[\"a\"]", "[null]", "[false]"),
            line("-0", "7", "[\"\\\\boxed{7}\"]", "[7]", "[true]"),
            line("3000000000", "-12", "[5, 2.5, \"\\\\fbox{1}\"]", "[1.5, 1e3, \"x\"]", "[false, false, true]"),
            line("\"  \"", "\"4\"", "[\"a\"]", "[\"4\"]", "[true]"),
            line("\"\"", "\"4\"", "[\"a\"]", "[\"4\"]", "[true]"),
            line("null", "\"4\"", "[\"a\"]", "[\"4\"]", "[true]"),
            line("true", "\"4\"", "[\"a\"]", "[\"4\"]", "[true]"),
            line("{\"a\": 1}", "\"4\"", "[\"a\"]", "[\"4\"]", "[true]"),
            line("\"q\"", "null", "[\"a\"]", "[\"4\"]", "[true]"),
            line("\"q\"", "4.0", "[\"a\"]", "[\"4\"]", "[true]"),
            line("\"q\"", "[4]", "[\"a\"]", "[\"4\"]", "[true]"),
            line("\"q\"", "\"4\"", "[]", "[]", "[]"),
            line("\"q\"", "\"4\"", "\"\\\\boxed{4}\"", "[\"4\"]", "[true]"),
            line("\"q\"", "\"4\"", "[null]", "[\"4\"]", "[true]"),
            line("\"q\"", "\"4\"", "[true]", "[\"4\"]", "[true]"),
            line("\"q\"", "\"4\"", "[[\"a\"]]", "[\"4\"]", "[true]"),
            line("\"q\"", "\"4\"", "[\"a\"]", "[{\"x\": 1}]", "[true]"),
            line("\"q\"", "\"4\"", "[\"a\"]", "[true]", "[true]"),
            line("\"q\"", "\"4\"", "[\"a\"]", "[\"4\"]", "[1]"),
            line("\"q\"", "\"4\"", "[\"a\"]", "[\"4\"]", "[null]"),
            line("\"q\"", "\"4\"", "[\"a\", \"b\"]", "[\"4\"]", "[true, true]"),
            line("\"q\"", "\"4\"", "[\"a\"]", "[\"4\", \"5\"]", "[true]"),
            line("\"q\"", "\"4\"", "[\"a\"]", "[\"4\"]", "[true, false]"),
            "{\"idx\": 8, \"gt\": \"4\", \"code\": [\"a\"], \"pred\": [\"4\"]}",
            "{\"idx\": 9, \"gt\": \"4\", \"pred\": [\"4\"], \"score\": [true]}",
            "{\"gt\": \"4\", \"code\": [\"a\"], \"pred\": [\"4\"], \"score\": [true]}",
            // Repeated keys: the tree keeps the last value.
            "{\"idx\": 10, \"idx\": 11, \"gt\": \"4\", \"code\": [\"\\\\boxed{4}\"], \"pred\": [\"4\"], \"score\": [true]}",
            "{\"idx\": 12, \"gt\": \"4\", \"code\": 5, \"code\": [\"\\\\boxed{4}\"], \"pred\": [\"4\"], \"score\": [true]}",
            "{\"idx\": 13, \"gt\": \"4\", \"code\": [\"x\"], \"pred\": [\"4\"], \"score\": [true], \"score\": [false]}",
            "{\"idx\": 14, \"question\": \"q\", \"question\": {}, \"gt\": \"4\", \"code\": [\"x\"], \"pred\": [\"4\"],"
                    + " \"score\": [true]}",
            // The question is only checked.
            "{\"idx\": 15, \"question\": {\"a\": 1}, \"gt\": \"4\", \"code\": [\"x\"], \"pred\": [\"4\"], \"score\": [true]}",
            "{\"idx\": 16, \"question\": true, \"gt\": \"4\", \"code\": [\"x\"], \"pred\": [\"4\"], \"score\": [true]}",
            "{\"idx\": 17, \"question\": null, \"gt\": \"4\", \"code\": [\"x\"], \"pred\": [\"4\"], \"score\": [true]}",
            "{\"idx\": 18, \"question\": 2.5e7, \"gt\": \"4\", \"code\": [\"x\"], \"pred\": [\"4\"], \"score\": [true]}",
            "{\"idx\": 19, \"question\": [1], \"gt\": \"4\", \"code\": [\"x\"], \"pred\": [\"4\"], \"score\": [true]}",
            // Fields the format does not know, nested and with numbers of every size.
            "{\"type\": {\"a\": [1, {\"b\": null}], \"c\": 1e999}, \"idx\": 20, \"level\": 123456789012345678901234567890,"
                    + " \"gt\": \"4\", \"code\": [\"\\\\boxed{4}\"], \"pred\": [\"4\"], \"score\": [true], \"z\": [[[]]]}",
            // Escapes, and text that is not ASCII.
            "{\"idx\": \"\\u00e9t\\u00e9\", \"gt\": \"\\u221a2\", \"code\": [\"\\u005cboxed{\\u221a2}\", \"\\\\fbox{x}\\n\\t\","
                    + " \"caf\u00e9 \u2713 \ud83d\ude00 \\\\boxed{1}\"], \"pred\": [\"\u221a2\", \"x\", \"1\"],"
                    + " \"score\": [true, false, false]}",
            "{\"idx\": \"\u4e2d\u6587\", \"gt\": \"\\\"quoted\\\"\", \"code\": [\"\\\\boxed {5}\", \"\\\\boxed 5$\","
                    + " \"\\\\boxedx{5}\", \"\\\\boxed{\"], \"pred\": [\"5\", \"5\", \"5\", null],"
                    + " \"score\": [true, true, false, false]}",
            // Not an object, not JSON, or more than one value.
            "not json", "[1, 2]", "null", "5", "\"text\"", "{\"idx\": 1", "{\"idx\": 30,}", "{'idx': 31}",
            "{\"idx\": 32, \"gt\": \"4\", \"code\": [\"x\"], \"pred\": [\"4\"], \"score\": [true]} trailing words",
            "{\"idx\": 33, \"gt\": \"4\", \"code\": [\"x\"], \"pred\": [\"4\"], \"score\": [true]}{\"idx\": 34}",
            "{\"idx\": 35, \"gt\": \"4\", \"code\": [\"a\tb\"], \"pred\": [\"4\"], \"score\": [true]}",
            "{\"idx\": 36, \"gt\": \"4\", \"code\": [\"a\\qb\"], \"pred\": [\"4\"], \"score\": [true]}",
            "{\"idx\": 37, \"gt\": \"4\", \"code\": [\"a\"], \"pred\": [\"4\"], \"score\": [tru]}",
            "{\"idx\": 38, \"gt\": 04, \"code\": [\"a\"], \"pred\": [\"4\"], \"score\": [true]}",
            "{\"idx\": 39, \"gt\": NaN, \"code\": [\"a\"], \"pred\": [\"4\"], \"score\": [true]}",
            "\t  {\"idx\": 40, \"gt\": \"4\", \"code\": [\"\\\\boxed{4}\"], \"pred\": [\"4\"], \"score\": [true]}  ",
            "\ufeff{\"idx\": 41, \"gt\": \"4\", \"code\": [\"\\\\boxed{4}\"], \"pred\": [\"4\"], \"score\": [true]}",
            "\u00a0{\"idx\": 42, \"gt\": \"4\", \"code\": [\"\\\\boxed{4}\"], \"pred\": [\"4\"], \"score\": [true]}",
            "{\"idx\"\u0000: 43}",
            // A repeat of an earlier idx, after all of the above.
            line("1", "\"4\"", "[\"x\"]", "[\"4\"]", "[true]"),
            line("\"2.5\"", "\"4\"", "[\"x\"]", "[\"4\"]", "[true]"));

    private static String line(String idx, String gt, String code, String pred, String score) {
        return "{\"idx\": " + idx + ", \"question\": \"q\", \"gt\": " + gt + ", \"code\": " + code + ", \"pred\": "
                + pred + ", \"score\": " + score + "}";
    }

    @Test
    void oddLinesGiveTheSameGroupsAndTheSameErrorsAtTheSameLines() throws Exception {
        List<String> lines = new ArrayList<>();
        for (String oddity : QWEN_EVAL_ODDITIES) {
            lines.add(oddity);
            lines.add(validLine(lines.size(), new SplittableRandom(lines.size())));
        }
        assertAgreement(write("odd.jsonl", String.join("\n", lines)), InputFormat.QWEN_EVAL);
    }

    @Test
    void everyWayOfEndingAndSkippingLinesCountsAsBefore() throws Exception {
        String a = validLine(1, new SplittableRandom(1));
        String b = validLine(2, new SplittableRandom(2));
        String c = "oops";
        for (String text : List.of(
                a + "\n" + b + "\n" + c,
                a + "\r\n" + b + "\r\n" + c + "\r\n",
                a + "\r" + b + "\r" + c + "\r",
                a + "\r\r\n\n" + b + "\n\r" + c,
                "\n\n" + a + "\n   \n\t\n" + b + "\n\u2003\u3000\n" + c + "\n\n",
                "\u00a0\n" + a + "\n\u0085\n" + b,
                "", "\n", "\r\n\r\n", " ")) {
            assertAgreement(write("ends.jsonl", text), InputFormat.QWEN_EVAL);
        }
    }

    @Test
    void generatedFilesAgreeUnderEverySplit() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder text = new StringBuilder();
        for (int q = 0; q < 300; q++) {
            text.append(random.nextInt(40) == 0 ? "{\"idx\": broken" : validLine(random.nextInt(280), random));
            text.append(random.nextInt(10) == 0 ? "\r\n" : "\n");
        }
        assertAgreement(write("generated.jsonl", text.toString()), InputFormat.QWEN_EVAL);
    }

    @Test
    void samplesFilesAgreeToo() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int task = random.nextInt(30);
            int n = task % 7 == 0 && random.nextBoolean() ? 5 : 4;
            String question = task % 11 == 0 && random.nextBoolean() ? "other" : "q" + task;
            lines.add("{\"task_id\": \"t" + task + "\", \"question_id\": \"" + question + "\", \"sample_index\": "
                    + random.nextInt(5) + ", \"n\": " + n + ", \"predicted_answer\": \"" + random.nextInt(3)
                    + "\", \"correct\": " + random.nextBoolean() + ", \"gold_answer\": \"1\", \"response\": \""
                    + (random.nextBoolean() ? "\\\\boxed{1}" : "1") + " caf\u00e9\"}");
            if (random.nextInt(25) == 0) {
                lines.add(random.nextBoolean() ? "{\"task_id\": \"t1\"}" : "garbage");
            }
        }
        assertAgreement(write("samples.jsonl", String.join("\n", lines)), InputFormat.SAMPLES);
    }

    @Test
    void standardInputIsReadLineByLineWithTheSameResult() throws Exception {
        String text = String.join("\n", QWEN_EVAL_ODDITIES);
        GroupFileReader.Result expected = TreePathReader.read(write("stdin.jsonl", text), InputFormat.QWEN_EVAL,
                ORIGIN);
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            GroupFileReader.Result read = GroupFileReader.read(Path.of("-"), InputFormat.QWEN_EVAL, ORIGIN,
                    count -> { });
            assertSameButForTheFileName(read, expected);
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void aPipeIsReadLineByLineWithTheSameResult() throws Exception {
        Path pipe = dir.resolve("pipe");
        Assumptions.assumeTrue(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0,
                "mkfifo is available");
        String text = String.join("\n", QWEN_EVAL_ODDITIES);
        GroupFileReader.Result expected = TreePathReader.read(write("regular.jsonl", text), InputFormat.QWEN_EVAL,
                ORIGIN);
        // Opening a pipe for writing waits for its reader, so the writer has a thread of its own.
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(pipe, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        writer.start();
        GroupFileReader.Result read = GroupFileReader.read(pipe, InputFormat.QWEN_EVAL, ORIGIN, count -> { });
        writer.join();
        assertSameButForTheFileName(read, expected);
    }

    @Test
    void bytesThatAreNotUtf8FailTheWholeReadAsBefore() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((validLine(1, new SplittableRandom(1)) + "\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("{\"idx\": \"".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xC3); // a lead byte with no continuation
        bytes.writeBytes("\"}\n".getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve("latin1.jsonl");
        Files.write(file, bytes.toByteArray());

        assertThatThrownBy(() -> TreePathReader.read(file, InputFormat.QWEN_EVAL, ORIGIN))
                .isInstanceOf(UncheckedIOException.class);
        for (ParallelLineScan.Split split : SPLITS) {
            assertThatThrownBy(() -> GroupFileReader.read(file, InputFormat.QWEN_EVAL, ORIGIN, count -> { }, split))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessage("reading " + file + " at line 2");
        }
    }

    @Test
    void progressCountsTheNonBlankLinesInOrder() throws Exception {
        Path file = write("progress.jsonl", String.join("\n\n", QWEN_EVAL_ODDITIES));
        List<Long> seen = new ArrayList<>();
        GroupFileReader.Result read = GroupFileReader.read(file, InputFormat.QWEN_EVAL, ORIGIN, seen::add,
                new ParallelLineScan.Split(64, 3));
        assertThat(seen).hasSize(QWEN_EVAL_ODDITIES.size()).isSorted();
        assertThat(seen.get(seen.size() - 1)).isEqualTo(read.lines());
    }

    /** For input read from elsewhere than the file the tree path read: the errors name another file. */
    private static void assertSameButForTheFileName(GroupFileReader.Result read, GroupFileReader.Result expected) {
        assertThat(read.groups()).isEqualTo(expected.groups());
        assertThat(read.lines()).isEqualTo(expected.lines());
        assertThat(read.errors()).extracting(LineError::line, LineError::reason).isEqualTo(expected.errors().stream()
                .map(error -> Tuple.tuple(error.line(), error.reason())).toList());
    }

    private void assertAgreement(Path file, InputFormat format) throws Exception {
        GroupFileReader.Result expected = TreePathReader.read(file, format, ORIGIN);
        for (ParallelLineScan.Split split : SPLITS) {
            AtomicLong calls = new AtomicLong();
            GroupFileReader.Result read = GroupFileReader.read(file, format, ORIGIN, count -> calls.incrementAndGet(),
                    split);
            assertThat(read).as("%s read with %s", file.getFileName(), split).isEqualTo(expected);
            assertThat(calls.get()).isEqualTo(expected.lines());
        }
    }

    /** A line as the evaluation pipeline writes it, with some responses boxed and some answers missing. */
    private static String validLine(int idx, SplittableRandom random) {
        int n = 1 + random.nextInt(6);
        List<String> code = new ArrayList<>();
        List<String> pred = new ArrayList<>();
        List<String> score = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int answer = random.nextInt(4);
            code.add("\"Step " + i + ": $\\\\frac{" + answer + "}{1}$ \u2713 "
                    + (random.nextInt(4) == 0 ? "so " + answer : "\\\\boxed{" + answer + "}") + ".\"");
            pred.add(random.nextInt(8) == 0 ? "null" : "\"" + answer + "\"");
            score.add(Boolean.toString(answer == 1));
        }
        return "{\"idx\": " + idx + ", \"question\": \"What is " + idx + "?\", \"gt\": \"1\", \"code\": ["
                + String.join(", ", code) + "], \"pred\": [" + String.join(", ", pred) + "], \"score\": ["
                + String.join(", ", score) + "]}";
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
