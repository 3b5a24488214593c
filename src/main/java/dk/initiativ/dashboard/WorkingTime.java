package dk.initiativ.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import dk.initiativ.process.DeadlineProperties;
import dk.initiativ.process.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/**
 * Durations in working days on the BPMN timers' calendar ({@link WorkingDayCalendar}: Monday to Friday without
 * Danish public holidays and the offices' closed days), in the municipality's zone (ADR 0024): each working day
 * counts with the part of it that lies between the two moments (a whole working day is 1.0), weekends and holidays
 * count 0. Monday 10:00 to Tuesday 10:00 is 1.0; Friday 16:00 to Monday 10:00 is 8/24 + 10/24 = 0.75; the same as
 * {@link WorkingDayCalendar#addWorkingDays(ZonedDateTime, int)} counts for a start on a working day.
 */
@Component
public class WorkingTime {

    private final WorkingDayCalendar calendar;
    private final ZoneId zone;

    public WorkingTime(WorkingDayCalendar calendar, DeadlineProperties properties) {
        this.calendar = calendar;
        this.zone = properties.zone();
    }

    /** The working days between two moments (0 when {@code to} is not after {@code from}). */
    public double between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        double days = 0;
        LocalDate day = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        while (!day.isAfter(last)) {
            if (calendar.isWorkingDay(day)) {
                Instant start = day.atStartOfDay(zone).toInstant();
                Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
                Instant a = from.isAfter(start) ? from : start;
                Instant b = to.isBefore(end) ? to : end;
                if (b.isAfter(a)) {
                    days += (double) (b.toEpochMilli() - a.toEpochMilli()) / (end.toEpochMilli() - start.toEpochMilli());
                }
            }
            day = day.plusDays(1);
        }
        return days;
    }

    /** The municipality's zone, in which days and weeks are counted. */
    public ZoneId zone() {
        return zone;
    }

    /** The calendar itself. */
    public WorkingDayCalendar calendar() {
        return calendar;
    }
}
