package dk.initiativ.dashboard;

import java.util.ArrayList;
import java.util.List;

import dk.initiativ.dashboard.DashboardTable.Cell;
import dk.initiativ.dashboard.DashboardTable.Count;
import dk.initiativ.dashboard.DashboardTable.Suppressed;

/**
 * The rule for counts about citizens (ADR 0026): a count under {@value #THRESHOLD} is shown as "< 5", and so is
 * every figure derived from it (its share, its rate). Where a column's rows add up to a total that is shown, one
 * suppressed row alone could be worked out by subtraction: then the smallest other count is suppressed as well
 * (secondary suppression).
 */
final class SmallCounts {

    /** The smallest count about citizens that is shown. */
    static final int THRESHOLD = 5;

    private SmallCounts() {
    }

    static boolean shown(long count) {
        return count >= THRESHOLD;
    }

    static Cell count(long count) {
        return shown(count) ? new Count(count) : new Suppressed();
    }

    /**
     * Which of the counts (parts of a shown total) may be shown: those at or above the threshold, unless exactly
     * one is hidden; then the smallest shown one is hidden too.
     */
    static List<Boolean> shownParts(List<Long> counts) {
        List<Boolean> shown = new ArrayList<>();
        int hidden = 0;
        for (long count : counts) {
            shown.add(shown(count));
            if (!shown(count)) {
                hidden++;
            }
        }
        if (hidden == 1) {
            int smallest = -1;
            for (int i = 0; i < counts.size(); i++) {
                if (shown.get(i) && (smallest < 0 || counts.get(i) < counts.get(smallest))) {
                    smallest = i;
                }
            }
            if (smallest >= 0) {
                shown.set(smallest, false);
            }
        }
        return shown;
    }
}
