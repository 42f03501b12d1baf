package io.east.trainer;

import io.east.model.train.LossKind;
import io.east.model.train.TrainingExample;
import io.east.schemas.WeightedExample;
import java.util.function.UnaryOperator;

/**
 * Turns a WeightedExample into what the model trains on, or says why it cannot.
 *
 * <p>The prompt is the question put through the same template the generator filled (a model must learn its
 * responses after the text it actually saw). SFT uses the chosen response only; DPO and KTO need the rejected one
 * too: the model module's KTO step takes a batch that is either all paired or all desirable-only, and the streams
 * app always sets a rejected response for a kept question, so here KTO, like DPO, requires pairs.
 */
public record ExampleConversion(TrainingExample example, SkipReason reason, String detail) {

    public static ExampleConversion convert(WeightedExample in, LossKind loss, UnaryOperator<String> prompt) {
        String taskId = in.getTaskId();
        if (taskId == null || taskId.isEmpty() || taskId.chars().anyMatch(Character::isISOControl)) {
            return skip(SkipReason.INVALID, "task_id is empty or holds control characters");
        }
        double weight = in.getWeight();
        if (!Double.isFinite(weight) || weight < 0) {
            return skip(SkipReason.INVALID, "weight must be finite and non-negative, was " + weight);
        }
        String rejected = in.getRejected();
        if (loss != LossKind.SFT && rejected == null) {
            return skip(SkipReason.MISSING_REJECTED, loss.name().toLowerCase(java.util.Locale.ROOT)
                    + " needs a rejected response");
        }
        return new ExampleConversion(new TrainingExample(prompt.apply(in.getPrompt()), in.getChosen(),
                loss == LossKind.SFT ? null : rejected, weight), null, null);
    }

    private static ExampleConversion skip(SkipReason reason, String detail) {
        return new ExampleConversion(null, reason, detail);
    }

    public boolean ok() {
        return example != null;
    }
}
