package io.east.cli.demo;

import io.east.producers.synthetic.SyntheticDataset;
import io.east.producers.synthetic.SyntheticProblem;
import io.east.trainer.BaseModelCache;
import java.util.ArrayList;
import java.util.List;
import io.east.model.LlamaConfig;
import io.east.model.Tokenizers;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything the demo decides: how long it runs, the base model and its warm-up, and the loop's sizes. The
 * defaults are a ~0.8M-parameter character-level Llama that a 2-core CPU trains and samples in minutes.
 *
 * @param duration           how long the loop runs once the base model is ready
 * @param port               the dashboard's port; 0 picks a free one, -1 serves none
 * @param warmupExamples     labelled synthetic training problems of the base model's warm-up
 * @param warmupRepeats      epochs of the warm-up over them
 * @param feedSeed           seed of the synthetic questions the loop is fed
 * @param samplesPerTask     n, the responses sampled per question
 * @param questionsPerRound synthetic training questions asked per round; rounds follow one another
 * @param maxInFlight        tasks fed but not yet grouped, so the generator is never flooded
 * @param scope              the streams app's normalisation scope
 * @param trainBatch         examples per optimiser step of the online trainer
 * @param checkpointEvery    optimiser steps per model version
 * @param evalQuestions      held-out synthetic test questions each model version is evaluated on
 * @param maxNewTokens       per response; the longest synthetic solution is about 50 characters
 */
record DemoSettings(Duration duration, long seed, int port, Path workDir, LlamaConfig model, int warmupExamples,
        int warmupRepeats, int warmupBatch, double warmupLearningRate, long warmupDataSeed, long feedSeed,
        int samplesPerTask, int questionsPerRound,
        int maxInFlight,
        String scope, int trainBatch, double trainLearningRate, int checkpointEvery, int evalQuestions,
        int maxNewTokens, double temperature) {

    static DemoSettings defaults(Duration duration, long seed, int port, Path workDir) {
        return new DemoSettings(duration, seed, port, workDir,
                LlamaConfig.small(Tokenizers.CHARACTER_LEVEL_VOCAB_SIZE, 128, 4, 4, 2, 384, 512),
                16_000, 1, 16, 2e-3, 1_000 + seed, seed, 8, 400, 32, "window:8", 16, 5e-4, 8, 200, 96, 0.8);
    }

    /**
     * A model small enough that the whole loop turns over several versions within a test's minute or two. It cannot
     * learn arithmetic that fast, so it memorises a few questions (repeated warm-up) and is then fed exactly those:
     * it answers some right and some wrong, which is all the loop needs to keep groups and train.
     */
    static DemoSettings tiny(Duration duration, Path workDir) {
        return new DemoSettings(duration, 0, -1, workDir,
                LlamaConfig.small(Tokenizers.CHARACTER_LEVEL_VOCAB_SIZE, 48, 2, 2, 1, 96, 256),
                32, 40, 16, 3e-3, 1_000, 1_000, 4, 32, 16, "fixed:1", 4, 1e-3, 2, 16, 48, 1.0);
    }

    DemoSettings withPortAndSeed(int newPort, long newSeed) {
        return new DemoSettings(duration, newSeed, newPort, workDir, model, warmupExamples,
                warmupRepeats, warmupBatch, warmupLearningRate, warmupDataSeed, feedSeed, samplesPerTask,
                questionsPerRound, maxInFlight, scope, trainBatch,
                trainLearningRate, checkpointEvery, evalQuestions, maxNewTokens, temperature);
    }

    Path runDir() {
        return workDir.resolve("run");
    }

    /** The base model: each labelled training problem's question and worked solution, weight 1, per epoch. */
    BaseModelCache.Recipe baseModelRecipe() {
        List<BaseModelCache.WarmupExample> examples = new ArrayList<>();
        for (SyntheticProblem problem : new SyntheticDataset(warmupDataSeed).split("train", warmupExamples)) {
            examples.add(new BaseModelCache.WarmupExample(problem.id(), problem.question(), "\n" + problem.solution()));
        }
        return new BaseModelCache.Recipe(model, seed, examples, warmupRepeats, warmupBatch, warmupLearningRate);
    }
}
