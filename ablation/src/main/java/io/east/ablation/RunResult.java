package io.east.ablation;

import io.east.eval.EvalReport;
import java.time.Duration;

/** One (config, seed) run: how it trained and how it scored. */
public record RunResult(ConfigWeights weights, int seed, TrainOutcome training, EvalReport eval,
        Duration evalTime) {

    public AblationConfig config() {
        return weights.config();
    }
}
