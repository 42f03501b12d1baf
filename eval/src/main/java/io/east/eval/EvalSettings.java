package io.east.eval;

import io.east.producers.generate.PromptTemplate;
import io.east.producers.generate.SamplingParams;
import java.util.List;
import java.util.Objects;

/**
 * How to evaluate. Prompt and stop strings default to the generator's, so evaluation measures what generation does.
 *
 * @param n responses per question for maj@n; 1 evaluates greedy pass@1 alone
 * @param temperature and {@code topP}: how the n responses of maj@n are sampled (pass@1 is always greedy)
 * @param questionsPerCall questions handed to the backend at a time; progress is logged after each such slice
 */
public record EvalSettings(PromptTemplate template, List<String> stop, int maxNewTokens, int n, double temperature,
        double topP, int questionsPerCall) {

    public static final int DEFAULT_QUESTIONS_PER_CALL = 64;

    public EvalSettings {
        Objects.requireNonNull(template, "template");
        stop = List.copyOf(stop);
        if (n < 1) {
            throw new IllegalArgumentException("--n must be >= 1, got " + n);
        }
        if (questionsPerCall < 1) {
            throw new IllegalArgumentException("questions per call must be >= 1, got " + questionsPerCall);
        }
        // Validates temperature, top-p, the token budget and the stop strings.
        new SamplingParams(temperature, topP, maxNewTokens, stop);
    }

    /** The generator's template, stop strings, token budget and sampling; n = 1. */
    public static EvalSettings defaults() {
        return new EvalSettings(PromptTemplate.DEFAULT, SamplingParams.DEFAULT_STOP,
                SamplingParams.DEFAULT_MAX_NEW_TOKENS, 1, SamplingParams.DEFAULT_TEMPERATURE,
                SamplingParams.DEFAULT_TOP_P, DEFAULT_QUESTIONS_PER_CALL);
    }

    public EvalSettings withN(int samples) {
        return new EvalSettings(template, stop, maxNewTokens, samples, temperature, topP, questionsPerCall);
    }

    public EvalSettings withMaxNewTokens(int tokens) {
        return new EvalSettings(template, stop, tokens, n, temperature, topP, questionsPerCall);
    }

    public EvalSettings withQuestionsPerCall(int questions) {
        return new EvalSettings(template, stop, maxNewTokens, n, temperature, topP, questions);
    }

    SamplingParams greedy() {
        return new SamplingParams(0, 1, maxNewTokens, stop);
    }

    SamplingParams voting() {
        return new SamplingParams(temperature, topP, maxNewTokens, stop);
    }
}
