package io.east.core.weight;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Normalises the powers s^a of the kept questions of a whole file, in file order, under any scope. The streams app
 * applies the same per-scope rules one record at a time; for a window the batch path closes the last, partial
 * window at the end of the file and normalises it over the questions it holds.
 */
public final class BatchWeigher {

    private BatchWeigher() {
    }

    public static List<NormalisedWeight> normalise(double[] powers, Scope scope) {
        if (scope instanceof Scope.Window window) {
            return windows(powers, window.size());
        }
        if (scope instanceof Scope.Ema ema) {
            return movingAverage(powers, ema.beta());
        }
        if (scope instanceof Scope.Fixed fixed) {
            return fixed(powers, fixed.constant());
        }
        return meanOne(powers, "dataset");
    }

    private static List<NormalisedWeight> meanOne(double[] powers, String scopeId) {
        double normaliser = MeanOne.normaliser(powers);
        double[] weights = MeanOne.weights(powers, normaliser);
        List<NormalisedWeight> result = new ArrayList<>(powers.length);
        for (double weight : weights) {
            result.add(new NormalisedWeight(weight, scopeId, normaliser));
        }
        return result;
    }

    private static List<NormalisedWeight> windows(double[] powers, int size) {
        List<NormalisedWeight> result = new ArrayList<>(powers.length);
        for (int start = 0, index = 0; start < powers.length; start += size, index++) {
            double[] window = Arrays.copyOfRange(powers, start, Math.min(powers.length, start + size));
            result.addAll(meanOne(window, windowId(index)));
        }
        return result;
    }

    /** The id of the index-th window (0-based) of a scope, shared with the streams app. */
    public static String windowId(long index) {
        return "window-" + index;
    }

    private static List<NormalisedWeight> movingAverage(double[] powers, double beta) {
        List<NormalisedWeight> result = new ArrayList<>(powers.length);
        EmaNormaliser state = EmaNormaliser.EMPTY;
        for (double power : powers) {
            state = state.update(power, beta);
            result.add(new NormalisedWeight(state.weight(power), "ema", state.mean()));
        }
        return result;
    }

    private static List<NormalisedWeight> fixed(double[] powers, double constant) {
        List<NormalisedWeight> result = new ArrayList<>(powers.length);
        for (double power : powers) {
            result.add(new NormalisedWeight(power / constant, "fixed", constant));
        }
        return result;
    }
}
