package dk.initiativ.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void medianOfAnOddCountIsTheMiddleValue() {
        assertThat(Percentiles.median(List.of(9, 1, 4))).contains(4.0);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertThat(Percentiles.median(List.of(10, 4, 9, 6))).contains(7.5);
    }

    @Test
    void p90IsTheNearestRank() {
        // n = 10: rank ceil(9.0) = 9
        assertThat(Percentiles.p90(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))).contains(9.0);
        // n = 11: rank ceil(9.9) = 10
        assertThat(Percentiles.p90(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11))).contains(10.0);
        // fewer than 10 values: the largest
        assertThat(Percentiles.p90(List.of(2.5, 1.0, 4.0))).contains(4.0);
        assertThat(Percentiles.p90(List.of(3))).contains(3.0);
    }

    @Test
    void nothingToCountGivesNoFigure() {
        assertThat(Percentiles.median(List.<Integer>of())).isEqualTo(Optional.empty());
        assertThat(Percentiles.p90(List.<Integer>of())).isEqualTo(Optional.empty());
    }

    @Test
    void percentOutsideTheRangeIsRefused() {
        assertThatThrownBy(() -> Percentiles.nearestRank(List.of(1), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.nearestRank(List.of(1), 101)).isInstanceOf(IllegalArgumentException.class);
    }
}
