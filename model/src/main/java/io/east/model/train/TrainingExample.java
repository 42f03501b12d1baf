package io.east.model.train;

/**
 * One weighted training example, as the weighting stage emits it.
 *
 * @param prompt the text the model was given
 * @param chosen a correct response (SFT target, DPO chosen, KTO desirable)
 * @param rejected an incorrect response (DPO rejected, KTO undesirable); null for SFT, optional for KTO
 * @param weight the EAST weight f(h) of the question (1 for vanilla self-training)
 */
public record TrainingExample(String prompt, String chosen, String rejected, double weight) {

    public TrainingExample {
        if (prompt == null || chosen == null) {
            throw new IllegalArgumentException("an example needs a prompt and a chosen response");
        }
        if (!Double.isFinite(weight) || weight < 0) {
            throw new IllegalArgumentException("weight must be finite and non-negative, was " + weight);
        }
    }

    public static TrainingExample sft(String prompt, String response, double weight) {
        return new TrainingExample(prompt, response, null, weight);
    }
}
