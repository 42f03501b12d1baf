package io.east.ablation;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What one training run did.
 *
 * @param finalLoss the unweighted mean loss of the last {@value RunTrainer#FINAL_LOSS_STEPS} steps (fewer when the
 *     run was shorter): the last single batch is too noisy to compare runs by
 * @param checkpoint the trained model
 */
public record TrainOutcome(long steps, long trained, double firstLoss, double finalLoss, Path checkpoint,
        Duration elapsed) {
}
