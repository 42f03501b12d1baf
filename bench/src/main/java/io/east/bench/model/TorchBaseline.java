package io.east.bench.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bench/torch_baseline.py run as a child process with a given Python: PyTorch eager on the same shapes as a DJL
 * bench. Its output is echoed line by line as "pytorch LINE", and its figure lines are read back.
 *
 * @param python an interpreter with torch and transformers
 * @param script bench/torch_baseline.py
 */
public record TorchBaseline(Path python, Path script) {

    private static final Pattern TRAIN_LINE =
            Pattern.compile("^train\\s+(.+?)\\s+params=\\S+\\s+batch=\\d+\\s+(\\d+(?:\\.\\d+)?) tokens/s");
    private static final Pattern SHAPE_LINE = Pattern.compile(
            "^shape .*positions/s=(\\d+) ms/step=(\\d+(?:\\.\\d+)?) peak_bytes=(-?\\d+)");

    /** What a "shape" line says: the rate, the time of a step, and the peak device memory (-1 on the CPU). */
    public record ShapeRate(double positionsPerSecond, double millisPerStep, long peakBytes) {}

    /** The CPU sizes of {@link ModelBench}, at sequences of {@code length}: tokens/s by size name. */
    public Map<String, Double> sizes(int steps, int length, PrintStream out) throws IOException, InterruptedException {
        Map<String, Double> rates = new LinkedHashMap<>();
        run(List.of(python.toString(), script.toString(), "--threads", threads(), "--steps", String.valueOf(steps),
                "--length", String.valueOf(length)), out, line -> rates.putAll(trainRate(line)));
        return rates;
    }

    /** One shape (a config.json) on {@code device} ("cuda" or "cpu"), as {@link TrainingShapeBench} runs it. */
    public ShapeRate shape(Path config, int batch, int length, String precision, String device, int warmup,
            int steps, PrintStream out) throws IOException, InterruptedException {
        ShapeRate[] rate = new ShapeRate[1];
        List<String> command = List.of(python.toString(), script.toString(), "shape", "--config", config.toString(),
                "--batch", String.valueOf(batch), "--length", String.valueOf(length), "--precision", precision,
                "--device", device, "--warmup", String.valueOf(warmup), "--steps", String.valueOf(steps),
                "--threads", threads());
        run(command, out, line -> {
            ShapeRate parsed = shapeRate(line);
            rate[0] = parsed != null ? parsed : rate[0];
        });
        if (rate[0] == null) {
            throw new IllegalStateException("the PyTorch baseline " + String.join(" ", command)
                    + " printed no shape line");
        }
        return rate[0];
    }

    /** The size and tokens/s of a "train" line; empty for any other line. */
    static Map<String, Double> trainRate(String line) {
        Matcher m = TRAIN_LINE.matcher(line);
        return m.find() ? Map.of(m.group(1).trim(), Double.parseDouble(m.group(2))) : Map.of();
    }

    static ShapeRate shapeRate(String line) {
        Matcher m = SHAPE_LINE.matcher(line);
        return m.find() ? new ShapeRate(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                Long.parseLong(m.group(3))) : null;
    }

    private static String threads() {
        return String.valueOf(Runtime.getRuntime().availableProcessors());
    }

    private static void run(List<String> command, PrintStream out, Consumer<String> lines)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.println("pytorch " + line);
                lines.accept(line);
            }
        }
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("the PyTorch baseline " + String.join(" ", command) + " exited with "
                    + exit);
        }
    }
}
