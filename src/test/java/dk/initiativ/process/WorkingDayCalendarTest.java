package dk.initiativ.process;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = new WorkingDayCalendar(bind(Map.of()));

    static DeadlineProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("initiativ.deadlines", DeadlineProperties.class);
    }

    @Test
    void propertiesBindWithTheirDefaults() {
        DeadlineProperties defaults = bind(Map.of());

        assertThat(defaults.intakeScreening()).isEqualTo(3);
        assertThat(defaults.informationReminder()).isEqualTo(7);
        assertThat(defaults.informationTimeout()).isEqualTo(30);
        assertThat(defaults.contactAcceptance()).isEqualTo(2);
        assertThat(defaults.firstContact()).isEqualTo(5);
        assertThat(defaults.followUpInterval()).isEqualTo(30);
        assertThat(defaults.zone()).isEqualTo(ZoneId.of("Europe/Copenhagen"));
        assertThat(defaults.closedDays()).containsExactly("06-05", "12-24", "12-31");
    }

    @Test
    void propertiesBindConfiguredValues() {
        DeadlineProperties configured = bind(Map.of(
                "initiativ.deadlines.intake-screening", "4",
                "initiativ.deadlines.follow-up-interval", "20",
                "initiativ.deadlines.zone", "Europe/London",
                "initiativ.deadlines.closed-days", "12-24, 12-31"));

        assertThat(configured.intakeScreening()).isEqualTo(4);
        assertThat(configured.followUpInterval()).isEqualTo(20);
        assertThat(configured.zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(configured.closedDays()).hasSize(2);
        assertThat(new WorkingDayCalendar(configured).isWorkingDay(LocalDate.of(2026, 6, 5))).isTrue();
    }

    @Test
    void propertiesRejectABadClosedDayOrANegativeDeadline() {
        assertThatThrownBy(() -> bind(Map.of("initiativ.deadlines.closed-days", "24-12")))
                .isInstanceOf(BindException.class);
        assertThatThrownBy(() -> bind(Map.of("initiativ.deadlines.intake-screening", "-1")))
                .isInstanceOf(BindException.class);
    }

    @Test
    void acrossAWeekend() {
        LocalDate friday = LocalDate.of(2026, 1, 9);

        assertThat(calendar.isWorkingDay(friday)).isTrue();
        assertThat(calendar.isWorkingDay(friday.plusDays(1))).isFalse();
        assertThat(calendar.isWorkingDay(friday.plusDays(2))).isFalse();
        assertThat(calendar.addWorkingDays(friday, 1)).isEqualTo(LocalDate.of(2026, 1, 12));
        assertThat(calendar.addWorkingDays(friday, 5)).isEqualTo(LocalDate.of(2026, 1, 16));
    }

    @Test
    void acrossEaster2026() {
        // Thu Apr 2 and Fri Apr 3 holidays, weekend, Mon Apr 6 Easter Monday
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 4, 1), 1)).isEqualTo(LocalDate.of(2026, 4, 7));
    }

    @Test
    void acrossChristmasAndNewYear2026WithTheDefaultClosedDays() {
        LocalDate wednesday = LocalDate.of(2026, 12, 23);

        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 24))).isFalse(); // closed day, Thursday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 31))).isFalse(); // closed day, Thursday
        assertThat(calendar.addWorkingDays(wednesday, 1)).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(calendar.addWorkingDays(wednesday, 3)).isEqualTo(LocalDate.of(2026, 12, 30));
        assertThat(calendar.addWorkingDays(wednesday, 4)).isEqualTo(LocalDate.of(2027, 1, 4));
    }

    @Test
    void constitutionDayIsClosedByDefault() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 6, 5))).isFalse(); // a Friday
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 6, 4), 1)).isEqualTo(LocalDate.of(2026, 6, 8));
    }

    @Test
    void ascension2025AndTheFridayAfterIt() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 5, 29))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 5, 30))).isTrue();
        assertThat(calendar.addWorkingDays(LocalDate.of(2025, 5, 28), 1)).isEqualTo(LocalDate.of(2025, 5, 30));
        // no Store Bededag any more: Friday May 16, 2025 is an ordinary working day
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 5, 16))).isTrue();
    }

    @Test
    void startOnASaturday() {
        LocalDate saturday = LocalDate.of(2026, 1, 10);

        assertThat(calendar.addWorkingDays(saturday, 1)).isEqualTo(LocalDate.of(2026, 1, 12));
        assertThat(calendar.addWorkingDays(saturday, 2)).isEqualTo(LocalDate.of(2026, 1, 13));
    }

    @Test
    void zeroDaysIsTheStartItself() {
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 1, 9), 0)).isEqualTo(LocalDate.of(2026, 1, 9));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 1, 10), 0)).isEqualTo(LocalDate.of(2026, 1, 10));
        assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2026, 1, 9), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsTheTimeOfDayAcrossTheSwitchToSummerTime() {
        ZoneId copenhagen = ZoneId.of("Europe/Copenhagen");
        // summer time starts Sunday March 29, 2026
        ZonedDateTime friday = ZonedDateTime.of(2026, 3, 27, 10, 0, 0, 0, copenhagen);

        assertThat(calendar.addWorkingDays(friday, 1))
                .isEqualTo(ZonedDateTime.of(2026, 3, 30, 10, 0, 0, 0, copenhagen));
        assertThat(calendar.addWorkingDays(friday, 1).getOffset().getTotalSeconds()).isEqualTo(2 * 3600);
    }

    @Test
    void workingDaysBetween() {
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 9))).isEqualTo(3);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 1, 9), LocalDate.of(2026, 1, 12))).isEqualTo(1);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 12, 23), LocalDate.of(2027, 1, 4))).isEqualTo(4);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 1, 9), LocalDate.of(2026, 1, 9))).isZero();
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 9))).isZero();
    }

    @Test
    void workingDaysBetweenUndoesAddWorkingDays() {
        LocalDate start = LocalDate.of(2026, 12, 20);
        for (int n = 0; n <= 40; n++) {
            assertThat(calendar.workingDaysBetween(start, calendar.addWorkingDays(start, n))).isEqualTo(n);
        }
    }
}
