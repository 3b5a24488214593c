package dk.initiativ.process;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.springframework.stereotype.Component;

/**
 * The due dates and timer dates of the process, for BPMN expressions such as
 * {@code camunda:dueDate="${deadlines.intakeScreeningDue()}"}. Each is now plus the configured number
 * of working days, at the same time of day in the configured zone. "Now" is the application's
 * {@link Clock}, which is Camunda's engine clock ({@link EngineClock}), so process tests that move that clock
 * move the deadlines with it.
 */
@Component("deadlines")
public class Deadlines {

    private final WorkingDayCalendar calendar;
    private final DeadlineProperties properties;
    private final Clock clock;

    public Deadlines(WorkingDayCalendar calendar, DeadlineProperties properties, Clock clock) {
        this.calendar = calendar;
        this.properties = properties;
        this.clock = clock;
    }

    public Date intakeScreeningDue() {
        return workingDaysFromNow(properties.intakeScreening());
    }

    /** When intake must have screened a case submitted at that moment: the receipt's promise to the citizen. */
    public ZonedDateTime intakeScreeningDue(Instant submittedAt) {
        return calendar.addWorkingDays(submittedAt.atZone(properties.zone()), properties.intakeScreening());
    }

    public Date informationReminderAt() {
        return workingDaysFromNow(properties.informationReminder());
    }

    public Date informationTimeoutAt() {
        return workingDaysFromNow(properties.informationTimeout());
    }

    public Date contactAcceptanceDue() {
        return workingDaysFromNow(properties.contactAcceptance());
    }

    public Date firstContactDue() {
        return workingDaysFromNow(properties.firstContact());
    }

    public Date nextFollowUpAt() {
        return workingDaysFromNow(properties.followUpInterval());
    }

    public Date checkInDue() {
        return workingDaysFromNow(properties.checkIn());
    }

    /** The municipality's time zone ({@code initiativ.deadlines.zone}), in which days and times are shown. */
    public ZoneId zone() {
        return properties.zone();
    }

    private Date workingDaysFromNow(int workingDays) {
        var now = clock.instant().atZone(properties.zone());
        return Date.from(calendar.addWorkingDays(now, workingDays).toInstant());
    }
}
