package io.east.core.weight;

/**
 * Divides powers by their mean, so the weights of one scope (a file, a window) average exactly 1: f(h_i) = h_i^a * N
 * / sum_k h_k^a.
 */
public final class MeanOne {

    private MeanOne() {
    }

    /** The normaliser of these powers: their mean, or 0 when every power is 0 (then every weight is 1). */
    public static double normaliser(double[] powers) {
        // Kahan summation: a window of 10^5 weights must still average 1 to the last few ulps.
        double sum = 0.0;
        double compensation = 0.0;
        for (double power : powers) {
            double y = power - compensation;
            double t = sum + y;
            compensation = (t - sum) - y;
            sum = t;
        }
        return powers.length == 0 ? 0.0 : sum / powers.length;
    }

    public static double[] weights(double[] powers) {
        return weights(powers, normaliser(powers));
    }

    public static double[] weights(double[] powers, double normaliser) {
        double[] weights = new double[powers.length];
        for (int i = 0; i < powers.length; i++) {
            weights[i] = normaliser == 0.0 ? 1.0 : powers[i] / normaliser;
        }
        return weights;
    }
}
