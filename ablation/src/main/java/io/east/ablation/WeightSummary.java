package io.east.ablation;

/** Mean, standard deviation (population), minimum and maximum of the weights one run trained with. */
public record WeightSummary(int count, double mean, double sd, double min, double max) {

    public static WeightSummary of(double[] weights) {
        if (weights.length == 0) {
            return new WeightSummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double w : weights) {
            sum += w;
            min = Math.min(min, w);
            max = Math.max(max, w);
        }
        double mean = sum / weights.length;
        double squares = 0;
        for (double w : weights) {
            squares += (w - mean) * (w - mean);
        }
        return new WeightSummary(weights.length, mean, Math.sqrt(squares / weights.length), min, max);
    }
}
