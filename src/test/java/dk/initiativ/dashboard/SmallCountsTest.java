package dk.initiativ.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dk.initiativ.dashboard.DashboardTable.Count;
import dk.initiativ.dashboard.DashboardTable.Suppressed;
import org.junit.jupiter.api.Test;

class SmallCountsTest {

    @Test
    void fourIsHiddenAndFiveIsShown() {
        assertThat(SmallCounts.count(4)).isEqualTo(new Suppressed());
        assertThat(SmallCounts.count(0)).isEqualTo(new Suppressed());
        assertThat(SmallCounts.count(5)).isEqualTo(new Count(5));
    }

    @Test
    void aLoneHiddenPartTakesTheSmallestShownOneWithIt() {
        assertThat(SmallCounts.shownParts(List.of(9L, 4L, 6L, 5L, 7L))).containsExactly(true, false, true, false, true);
        // two hidden already: the total gives only their sum away
        assertThat(SmallCounts.shownParts(List.of(9L, 4L, 3L, 5L))).containsExactly(true, false, false, true);
        assertThat(SmallCounts.shownParts(List.of(9L, 5L))).containsExactly(true, true);
    }

    @Test
    void percentilesByNearestRank() {
        assertThat(Percentiles.median(List.of(12.0, 1.0, 4.0))).isEqualTo(4.0);
        assertThat(Percentiles.median(List.of(1.0, 2.0, 3.0, 4.0))).isEqualTo(2.0);
        assertThat(Percentiles.percentile(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0), 0.9)).isEqualTo(9.0);
        assertThat(Percentiles.median(List.of())).isNaN();
    }
}
