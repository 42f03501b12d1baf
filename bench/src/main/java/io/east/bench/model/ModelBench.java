package io.east.bench.model;

import io.east.model.Completion;
import io.east.model.LlamaConfig;
import io.east.model.LlamaModel;
import io.east.model.NativeMemory;
import io.east.model.Sampler;
import io.east.model.SamplerSettings;
import io.east.model.TextTokenizer;
import io.east.model.Tokenizers;
import io.east.model.train.LearningRateSchedule;
import io.east.model.train.LossKind;
import io.east.model.train.Trainer;
import io.east.model.train.TrainerSettings;
import io.east.model.train.TrainingExample;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Random;

/**
 * Prints (asserts nothing): training tokens/s for two model sizes, sampling tokens/s with and without
 * the KV cache, and resident memory (VmRSS) at step 100 and step 1,000 of a training loop that hands
 * freed pages back every {@code trimEvery} steps, as the trainer does after each checkpoint. The numbers
 * are for the machine it runs on; bench/torch_baseline.py measures PyTorch eager on the same shapes
 * ({@code east bench model --python} runs both).
 */
public final class ModelBench {

    /**
     * @param trainSteps timed training steps per model size (after {@code warmupSteps})
     * @param memorySteps length of the memory run; RSS is read at step 100 and at the last step
     * @param trimEvery the memory run hands freed pages back every this many steps, as the trainer does after
     *     each checkpoint (its default --checkpoint-every is 100); 0 never
     * @param batchSize training examples per step
     * @param sampleBatch prompts per generation call
     * @param newTokens tokens generated per prompt
     */
    public record Options(int trainSteps, int warmupSteps, int memorySteps, int trimEvery, int batchSize,
            int sampleBatch, int newTokens) {
        public Options {
            if (trainSteps < 0 || warmupSteps < 0 || memorySteps < 0 || trimEvery < 0) {
                throw new IllegalArgumentException("step counts must be >= 0");
            }
            if (batchSize < 1 || sampleBatch < 1 || newTokens < 1) {
                throw new IllegalArgumentException("batch sizes and new tokens must be >= 1");
            }
        }

        public static Options defaults() {
            return new Options(50, 10, 1000, 100, 16, 8, 64);
        }
    }

    /**
     * What a run measured, by size name; NaN where it did not run.
     *
     * @param rssChangePercent raw VmRSS change from step 100 to the last step of the memory run
     * @param trimmedChangePercent the same after a final trim: the memory in use
     */
    public record Figures(Map<String, TrainingRate> training, Map<String, Double> kvCacheSpeedUp,
            double rssChangePercent, double trimmedChangePercent) {
        public Figures {
            // In the order the sizes ran, for the report.
            training = Collections.unmodifiableMap(new LinkedHashMap<>(training));
            kvCacheSpeedUp = Collections.unmodifiableMap(new LinkedHashMap<>(kvCacheSpeedUp));
        }
    }

    /**
     * Training speed of one size. A batch is padded to a common width, so a step computes more positions than its
     * batch has tokens; compute scales with positions, which is what a comparison on equal shapes must count.
     *
     * @param tokensPerSecond    non-padding tokens trained per second
     * @param positionsPerSecond rows times padded width per second
     * @param meanWidth          the mean padded width of a batch
     */
    public record TrainingRate(double tokensPerSecond, double positionsPerSecond, double meanWidth) {
        static final TrainingRate NONE = new TrainingRate(Double.NaN, Double.NaN, Double.NaN);
    }

    /** A model size to measure. */
    public record Size(String name, LlamaConfig config) {}

    public static final List<Size> SIZES = List.of(
            new Size("tiny d=128 L=4 h=4/2 ff=384", LlamaConfig.small(Tokenizers.CHARACTER_LEVEL_VOCAB_SIZE, 128, 4, 4, 2, 384, 256)),
            new Size("small d=256 L=6 h=8/4 ff=768", LlamaConfig.small(Tokenizers.CHARACTER_LEVEL_VOCAB_SIZE, 256, 6, 8, 4, 768, 256)));

    private ModelBench() {}

    /** Optional arguments: timed training steps, memory-run steps (defaults 50 and 1000). */
    public static void main(String[] args) throws IOException {
        Options d = Options.defaults();
        int trainSteps = args.length > 0 ? Integer.parseInt(args[0]) : d.trainSteps();
        int memorySteps = args.length > 1 ? Integer.parseInt(args[1]) : d.memorySteps();
        run(System.out, new Options(trainSteps, d.warmupSteps(), memorySteps, d.trimEvery(), d.batchSize(),
                d.sampleBatch(), d.newTokens()));
    }

    public static Figures run(PrintStream out, Options options) throws IOException {
        NativeMemory.reuseFreedMemory();
        Map<String, TrainingRate> train = new LinkedHashMap<>();
        Map<String, Double> speedUp = new LinkedHashMap<>();
        double[] memory = {Double.NaN, Double.NaN};
        try (TextTokenizer tokenizer = Tokenizers.loadCharacterLevel()) {
            out.printf(Locale.ROOT, "threads: ai.djl.pytorch.num_threads=%s OMP_WAIT_POLICY=%s cores=%d%n",
                    System.getProperty("ai.djl.pytorch.num_threads", "(default)"),
                    System.getenv().getOrDefault("OMP_WAIT_POLICY", "(unset)"), Runtime.getRuntime().availableProcessors());
            // Memory first: freed native memory is not handed back to the OS, so a later run would
            // report the high-water mark of the bigger runs before it.
            if (options.memorySteps() >= 100) {
                memory = memory(out, tokenizer, SIZES.get(0), options);
            }
            for (Size size : SIZES) {
                train.put(size.name(), training(out, tokenizer, size, options));
            }
            for (Size size : SIZES) {
                speedUp.put(size.name(), sampling(out, tokenizer, size, options));
            }
        }
        return new Figures(train, speedUp, memory[0], memory[1]);
    }

    private static TrainingRate training(PrintStream out, TextTokenizer tokenizer, Size size, Options options) {
        if (options.trainSteps() < 1) {
            return TrainingRate.NONE;
        }
        Random random = new Random(1);
        try (LlamaModel model = LlamaModel.random(size.config(), 1);
             Trainer trainer = new Trainer(model, null, tokenizer, settings())) {
            for (int i = 0; i < options.warmupSteps(); i++) {
                trainer.step(batch(random, options.batchSize()));
            }
            long tokens = 0;
            long positions = 0;
            double loss = 0;
            long start = System.nanoTime();
            for (int i = 0; i < options.trainSteps(); i++) {
                var result = trainer.step(batch(random, options.batchSize()));
                tokens += result.tokens();
                positions += result.positions();
                loss = result.loss();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            TrainingRate rate = new TrainingRate(tokens / seconds, positions / seconds,
                    positions / (double) options.trainSteps() / options.batchSize());
            out.printf(Locale.ROOT, "train  %-30s params=%,d batch=%d  %.0f tokens/s  %.0f positions/s (mean padded "
                            + "width %.1f)  %.1f ms/step  (loss %.3f)%n", size.name(), model.parameterCount(),
                    options.batchSize(), rate.tokensPerSecond(), rate.positionsPerSecond(), rate.meanWidth(),
                    1000 * seconds / options.trainSteps(), loss);
            return rate;
        }
    }

    private static double sampling(PrintStream out, TextTokenizer tokenizer, Size size, Options options) {
        // No end token, so every row generates exactly newTokens and both runs do the same work.
        LlamaConfig endless = size.config().withEosTokenIds(List.of());
        Random random = new Random(2);
        List<String> prompts = new ArrayList<>();
        for (int i = 0; i < options.sampleBatch(); i++) {
            prompts.add(problem(random).prompt());
        }
        try (LlamaModel model = LlamaModel.random(endless, 1)) {
            Sampler sampler = new Sampler(model, tokenizer);
            double[] rates = new double[2];
            for (int withCache = 1; withCache >= 0; withCache--) {
                SamplerSettings params = SamplerSettings.sampled(1.0, 0.95, options.newTokens(), 3).withKvCache(withCache == 1);
                sampler.generate(prompts, params);               // warm-up
                long start = System.nanoTime();
                int tokens = 0;
                int rounds = 3;
                for (int r = 0; r < rounds; r++) {
                    tokens += sampler.generate(prompts, params).stream().mapToInt(Completion::tokenCount).sum();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                rates[withCache] = tokens / seconds;
                out.printf(Locale.ROOT, "sample %-30s batch=%d new=%d kv-cache=%-5s %.0f tokens/s  %.0f ms/call%n",
                        size.name(), options.sampleBatch(), options.newTokens(), withCache == 1, rates[withCache],
                        1000 * seconds / rounds);
            }
            out.printf(Locale.ROOT, "sample %-30s kv-cache speed-up x%.2f%n", size.name(), rates[1] / rates[0]);
            return rates[1] / rates[0];
        }
    }

    /**
     * Resident memory of a training loop at step 100 and at the last step, twice: as the process stands
     * (glibc's retained free memory included, trimmed every {@code trimEvery} steps as the trainer does), and
     * right after {@link NativeMemory#releaseFreePages}, which is the memory actually in use and the number that
     * shows a leak.
     *
     * @return the two changes from step 100 to the last step, in percent
     */
    private static double[] memory(PrintStream out, TextTokenizer tokenizer, Size size, Options options) {
        Random random = new Random(3);
        try (LlamaModel model = LlamaModel.random(size.config(), 1);
             Trainer trainer = new Trainer(model, null, tokenizer, settings())) {
            long[] at100 = null;
            long start = System.nanoTime();
            double[] changes = {Double.NaN, Double.NaN};
            for (int step = 1; step <= options.memorySteps(); step++) {
                trainer.step(batch(random, options.batchSize()));
                boolean measured = step == 100 || step == options.memorySteps();
                if (!measured && options.trimEvery() > 0 && step % options.trimEvery() == 0) {
                    NativeMemory.releaseFreePages();
                }
                if (measured) {
                    long rss = residentKilobytes();
                    long trimStart = System.nanoTime();
                    NativeMemory.releaseFreePages();
                    double trimMillis = (System.nanoTime() - trimStart) / 1e6;
                    long trimmed = residentKilobytes();
                    long[] now = {rss, trimmed};
                    String change = at100 == null ? "" : String.format(Locale.ROOT, " (%+.1f%% / %+.1f%% vs step 100; %.0f s)",
                            100.0 * (rss - at100[0]) / at100[0], 100.0 * (trimmed - at100[1]) / at100[1],
                            (System.nanoTime() - start) / 1e9);
                    out.printf(Locale.ROOT, "memory %-30s step %4d: VmRSS %,d kB, after malloc_trim %,d kB (trim %.0f ms),"
                                    + " Java heap committed %,d kB, live arrays %d%s%n", size.name(), step, rss, trimmed,
                            trimMillis, Runtime.getRuntime().totalMemory() / 1024, model.liveArrayCount(), change);
                    if (at100 == null) {
                        at100 = now;
                    } else {
                        changes[0] = 100.0 * (rss - at100[0]) / at100[0];
                        changes[1] = 100.0 * (trimmed - at100[1]) / at100[1];
                    }
                }
            }
            return changes;
        }
    }

    private static TrainerSettings settings() {
        return TrainerSettings.defaults(LossKind.SFT, LearningRateSchedule.constant(1e-3, 10)).withMaxSequenceLength(128);
    }

    private static List<TrainingExample> batch(Random random, int size) {
        List<TrainingExample> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            batch.add(problem(random));
        }
        return batch;
    }

    /** A synthetic arithmetic word problem with a "#### N" answer line, like the demo's. */
    static TrainingExample problem(Random random) {
        String[] names = {"Tom", "Ana", "Raj", "Mia"};
        String[] things = {"apples", "pens", "coins", "books"};
        int a = 2 + random.nextInt(40);
        int b = 1 + random.nextInt(30);
        String name = names[random.nextInt(names.length)];
        String thing = things[random.nextInt(things.length)];
        String prompt = "Question: " + name + " has " + a + " " + thing + " and gets " + b + " more. How many " + thing
                + " now?\nAnswer: ";
        String response = a + " + " + b + " = " + (a + b) + "\n#### " + (a + b);
        return TrainingExample.sft(prompt, response, 0.5 + random.nextDouble());
    }

    static long residentKilobytes() {
        return statusKilobytes("VmRSS:");
    }

    /** A kB line of /proc/self/status (VmRSS, RssAnon, RssFile); -1 where there is none (not Linux). */
    static long statusKilobytes(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }
}
