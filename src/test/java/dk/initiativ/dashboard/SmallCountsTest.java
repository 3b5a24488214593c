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
}
