package io.east.bench.generate;

import io.east.model.FileTrees;
import io.east.model.Checkpoints;
import io.east.model.LlamaConfig;
import io.east.model.Tokenizers;
import io.east.producers.generate.Generation;
import io.east.producers.generate.GenerationOutcome;
import io.east.producers.generate.GenerationRequest;
import io.east.producers.generate.PromptTemplate;
import io.east.producers.generate.SamplingParams;
import io.east.producers.generate.djl.DjlBackend;
import io.east.producers.generate.djl.DjlSettings;
import io.east.producers.generate.djl.LoadedPolicy;
import io.east.producers.synthetic.Split;
import io.east.producers.synthetic.SyntheticDataset;
import io.east.producers.synthetic.SyntheticProblem;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Prints (asserts nothing) the throughput of the DJL backend as a generator worker drives it: one {@code sampleAll}
 * per batch of tasks, n copies each, on a fresh demo-sized model (d=128, 4 layers, ~0.8M parameters, character
 * tokenizer) with prompts from the synthetic test split in the generator's default template. A random model ends a
 * row at its end token now and then, so the mean generated length is printed with the rates.
 */
public final class DjlGenerationBench {

    /** The demo's model size. */
    public static final LlamaConfig DEMO_MODEL =
            LlamaConfig.small(Tokenizers.CHARACTER_LEVEL_VOCAB_SIZE, 128, 4, 4, 2, 384, 512);

    /**
     * @param tasks question tasks per batch (one {@code sampleAll})
     * @param n samples per task
     * @param rounds timed batches, after one untimed warm-up batch
     */
    public record Options(int tasks, int n, int maxNewTokens, int batchRows, int rounds, long seed) {
        public Options {
            if (tasks < 1 || n < 1 || maxNewTokens < 1 || batchRows < 1 || rounds < 1) {
                throw new IllegalArgumentException("tasks, n, max new tokens, batch rows and rounds must be >= 1");
            }
        }

        public static Options defaults() {
            return new Options(16, 8, 96, DjlSettings.DEFAULT_BATCH_ROWS, 3, 1);
        }
    }

    /** What one run measured. */
    public record Result(long samples, long tokens, double seconds, long parameters) {
        public double samplesPerSecond() {
            return samples / seconds;
        }

        public double tokensPerSecond() {
            return tokens / seconds;
        }
    }

    private DjlGenerationBench() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        run(System.out, Options.defaults());
    }

    public static Result run(PrintStream out, Options options) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("east-generate-bench");
        try {
            Path checkpoint = dir.resolve("demo");
            Checkpoints.writeFresh(checkpoint, DEMO_MODEL, options.seed());
            List<GenerationRequest> requests = requests(options);
            SamplingParams params = new SamplingParams(SamplingParams.DEFAULT_TEMPERATURE, SamplingParams.DEFAULT_TOP_P,
                    options.maxNewTokens(), SamplingParams.DEFAULT_STOP);
            DjlSettings settings = DjlSettings.defaults().withBatchRows(options.batchRows()).withSeed(options.seed());
            LoadedPolicy policy = LoadedPolicy.load(checkpoint, 0, io.east.model.Precision.FP32);
            long parameters = policy.model().parameterCount();
            try (DjlBackend backend = DjlBackend.fixed(settings, policy)) {
                out.printf(Locale.ROOT, "generate bench: DJL backend, d=128 L=4 h=4/2 ff=384 (%,d parameters), "
                                + "%d tasks x n=%d per batch, max-new-tokens %d, batch rows %d, %d cores, "
                                + "OMP_WAIT_POLICY=%s%n", parameters, options.tasks(), options.n(),
                        options.maxNewTokens(), options.batchRows(), Runtime.getRuntime().availableProcessors(),
                        System.getenv().getOrDefault("OMP_WAIT_POLICY", "(unset)"));
                backend.sampleAll(requests, params);            // warm-up: engine, allocator, JIT
                long samples = 0;
                long tokens = 0;
                long start = System.nanoTime();
                for (int round = 0; round < options.rounds(); round++) {
                    for (GenerationOutcome outcome : backend.sampleAll(requests, params)) {
                        List<Generation> generations = ((GenerationOutcome.Generated) outcome).generations();
                        samples += generations.size();
                        tokens += generations.stream().mapToLong(Generation::tokenCount).sum();
                    }
                }
                Result result = new Result(samples, tokens, (System.nanoTime() - start) / 1e9, parameters);
                out.printf(Locale.ROOT, "%.1f samples/s  %.0f tokens/s  (%d samples, %.1f tokens/sample, "
                                + "%.2f s/batch over %d batches)%n", result.samplesPerSecond(),
                        result.tokensPerSecond(), samples, (double) tokens / samples,
                        result.seconds() / options.rounds(), options.rounds());
                return result;
            }
        } finally {
            FileTrees.deleteRecursively(dir);
        }
    }

    private static List<GenerationRequest> requests(Options options) {
        List<SyntheticProblem> problems = new SyntheticDataset(options.seed()).split(Split.TEST, options.tasks());
        return problems.stream()
                .map(p -> new GenerationRequest(PromptTemplate.DEFAULT.fill(p.question()), options.n()))
                .toList();
    }

}
