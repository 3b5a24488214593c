package dk.initiativ.dashboard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Median and percentiles by the nearest-rank method: the p-th percentile of n values is the value at rank
 * {@code ceil(p * n)} in ascending order (so it is always one of the values, never an interpolation). No values: NaN.
 */
final class Percentiles {

    private Percentiles() {
    }

    /** The nearest-rank median: for an even count the lower of the two middle values. */
    static double median(List<Double> values) {
        return percentile(values, 0.5);
    }

    /** @param p between 0 (exclusive) and 1 (inclusive), e.g. 0.9 for the 90th percentile */
    static double percentile(List<Double> values, double p) {
        if (p <= 0 || p > 1) {
            throw new IllegalArgumentException("p must be in (0, 1], was " + p);
        }
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(1, Math.min(sorted.size(), rank)) - 1);
    }
}
