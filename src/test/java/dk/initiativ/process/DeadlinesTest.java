package dk.initiativ.process;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlinesTest {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    private final Deadlines deadlines = deadlines(Map.of());

    private static Deadlines deadlines(Map<String, String> configuration) {
        DeadlineProperties properties = WorkingDayCalendarTest.bind(configuration);
        return new Deadlines(new WorkingDayCalendar(properties), properties, new EngineClock(ZoneOffset.UTC));
    }

    private static Date copenhagen(int year, int month, int day, int hour) {
        return Date.from(ZonedDateTime.of(year, month, day, hour, 0, 0, 0, COPENHAGEN).toInstant());
    }

    @AfterEach
    void resetCamundaClock() {
        ClockUtil.reset();
    }

    @Test
    void fromWednesdayBeforeEaster2026() {
        // working days after Wed Apr 1: Apr 7, 8, 9, 10, 13, 14, 15, ... (Apr 2-6 are holidays or weekend)
        ClockUtil.setCurrentTime(copenhagen(2026, 4, 1, 10));

        assertThat(deadlines.contactAcceptanceDue()).isEqualTo(copenhagen(2026, 4, 8, 10));
        assertThat(deadlines.intakeScreeningDue()).isEqualTo(copenhagen(2026, 4, 9, 10));
        assertThat(deadlines.firstContactDue()).isEqualTo(copenhagen(2026, 4, 13, 10));
        assertThat(deadlines.informationReminderAt()).isEqualTo(copenhagen(2026, 4, 15, 10));
        // April: 18 working days after the 1st; May 1 is the 19th; May 4-8 reach 24, May 11-13 27,
        // Ascension May 14 is skipped, May 15 is 28, May 18 29, May 19 30
        assertThat(deadlines.informationTimeoutAt()).isEqualTo(copenhagen(2026, 5, 19, 10));
        assertThat(deadlines.nextFollowUpAt()).isEqualTo(copenhagen(2026, 5, 19, 10));
    }

    @Test
    void followsCamundasClock() {
        ClockUtil.setCurrentTime(copenhagen(2026, 4, 7, 14));

        assertThat(deadlines.intakeScreeningDue()).isEqualTo(copenhagen(2026, 4, 10, 14));
    }

    @Test
    void keepsTheLocalTimeOfDayAcrossTheSwitchToSummerTime() {
        // Fri Mar 27, 2026 is winter time (+01:00); Mon Mar 30 - Wed Apr 1 are summer time (+02:00)
        ClockUtil.setCurrentTime(copenhagen(2026, 3, 27, 10));

        assertThat(deadlines.intakeScreeningDue()).isEqualTo(copenhagen(2026, 4, 1, 10));
    }

    @Test
    void usesTheConfiguredNumberOfWorkingDays() {
        ClockUtil.setCurrentTime(copenhagen(2026, 1, 9, 9));

        Deadlines configured = deadlines(Map.of("initiativ.deadlines.intake-screening", "1"));

        assertThat(configured.intakeScreeningDue()).isEqualTo(copenhagen(2026, 1, 12, 9));
    }
}
