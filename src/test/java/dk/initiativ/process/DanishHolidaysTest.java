package dk.initiativ.process;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DanishHolidaysTest {

    @Test
    void easterSundayByTheGregorianAlgorithm() {
        assertThat(DanishHolidays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(DanishHolidays.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(DanishHolidays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(DanishHolidays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
    }

    @Test
    void holidaysOf2026InDateOrder() {
        assertThat(DanishHolidays.of(2026)).containsExactly(
                LocalDate.of(2026, 1, 1),   // New Year's Day
                LocalDate.of(2026, 4, 2),   // Maundy Thursday
                LocalDate.of(2026, 4, 3),   // Good Friday
                LocalDate.of(2026, 4, 5),   // Easter Sunday
                LocalDate.of(2026, 4, 6),   // Easter Monday
                LocalDate.of(2026, 5, 14),  // Ascension Day
                LocalDate.of(2026, 5, 24),  // Whit Sunday
                LocalDate.of(2026, 5, 25),  // Whit Monday
                LocalDate.of(2026, 12, 25), // Christmas Day
                LocalDate.of(2026, 12, 26)); // Boxing Day
    }

    @Test
    void greatPrayerDayUntil2023Only() {
        assertThat(DanishHolidays.of(2023)).contains(LocalDate.of(2023, 5, 5)).hasSize(11);
        // 2024: Easter Mar 31, so the 4th Friday after it would have been Apr 26
        assertThat(DanishHolidays.of(2024)).doesNotContain(LocalDate.of(2024, 4, 26)).hasSize(10);
    }

    @Test
    void theSetIsUnmodifiableAndCached() {
        assertThat(DanishHolidays.of(2026)).isSameAs(DanishHolidays.of(2026));
        assertThatThrownBy(() -> DanishHolidays.of(2026).add(LocalDate.of(2026, 6, 5)))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
