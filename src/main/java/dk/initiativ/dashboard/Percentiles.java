package dk.initiativ.dashboard;

import java.util.Collection;
import java.util.Optional;

/**
 * The one definition of median and percentiles on the dashboard (ADR 0024): every section uses it, so that "median"
 * and "90th percentile" mean the same in every table.
 *
 * <ul>
 * <li><b>Median:</b> the middle value of the sorted values; for an even count the mean of the two middle values
 * (4, 6, 9, 10 gives 7.5).</li>
 * <li><b>Other percentiles (p90):</b> nearest rank: the value at rank {@code ceil(p / 100 * n)} of the sorted values
 * (1-based). It is always a value that was observed; for fewer than 10 values p90 is the largest value.</li>
 * </ul>
 * An empty collection has no median and no percentile ({@link Optional#empty()}), shown as "–".
 */
public final class Percentiles {

    private Percentiles() {
    }

    /** The median (mean of the two middle values for an even count), or empty for no values. */
    public static Optional<Double> median(Collection<? extends Number> values) {
        return median(sorted(values));
    }

    /** As {@link #median(Collection)} on values already sorted ascending. */
    static Optional<Double> median(double[] sorted) {
        return median(sorted.length, rank -> sorted[rank - 1]);
    }

    /**
     * The value at a 1-based rank of {@code n} values sorted ascending, for a caller that does not hold every value
     * (the lead times read only the whole-day bucket that holds the rank, ADR 0044).
     */
    @FunctionalInterface
    interface Ranked {
        double at(int rank);
    }

    /** As {@link #median(double[])} on {@code n} sorted values, asking only for the middle rank(s). */
    static Optional<Double> median(int n, Ranked sorted) {
        if (n == 0) {
            return Optional.empty();
        }
        return Optional.of(n % 2 == 1 ? sorted.at(n / 2 + 1) : (sorted.at(n / 2) + sorted.at(n / 2 + 1)) / 2.0);
    }

    /**
     * The {@code percent}-th percentile by nearest rank: the value at rank {@code ceil(percent / 100 * n)}
     * (at least 1) of the sorted values; empty for no values.
     *
     * @throws IllegalArgumentException unless {@code 0 < percent <= 100}
     */
    public static Optional<Double> nearestRank(Collection<? extends Number> values, double percent) {
        return nearestRank(sorted(values), percent);
    }

    /** As {@link #nearestRank(Collection, double)} on values already sorted ascending. */
    static Optional<Double> nearestRank(double[] sorted, double percent) {
        return nearestRank(sorted.length, percent, rank -> sorted[rank - 1]);
    }

    /** As {@link #nearestRank(double[], double)} on {@code n} sorted values, asking only for the one rank. */
    static Optional<Double> nearestRank(int n, double percent, Ranked sorted) {
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percent must be in (0, 100], was " + percent);
        }
        if (n == 0) {
            return Optional.empty();
        }
        int rank = Math.max(1, (int) Math.ceil(percent / 100.0 * n - 1e-9));
        return Optional.of(sorted.at(Math.min(rank, n)));
    }

    /** The 90th percentile by nearest rank ({@link #nearestRank(Collection, double)} with 90). */
    public static Optional<Double> p90(Collection<? extends Number> values) {
        return nearestRank(values, 90);
    }

    private static double[] sorted(Collection<? extends Number> values) {
        return values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
    }
}
