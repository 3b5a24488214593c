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

    /** The days of {@link #working} start here (epoch day); days outside the table ask the calendar. */
    private static final long FIRST_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final int DAYS = (int) (LocalDate.of(2100, 1, 1).toEpochDay() - FIRST_DAY);

    private final WorkingDayCalendar calendar;
    private final ZoneId zone;
    /** The calendar's answer for each day of 2000-2099, asked once (the dashboard asks it for every day of every case). */
    private final boolean[] working = new boolean[DAYS];
    /** {@code before[d]}: the working days before day {@code d} of the table. */
    private final int[] before = new int[DAYS + 1];

    public WorkingTime(WorkingDayCalendar calendar, DeadlineProperties properties) {
        this.calendar = calendar;
        this.zone = properties.zone();
        for (int d = 0; d < DAYS; d++) {
            working[d] = calendar.isWorkingDay(LocalDate.ofEpochDay(FIRST_DAY + d));
            before[d + 1] = before[d] + (working[d] ? 1 : 0);
        }
    }

    /** The working days between two moments (0 when {@code to} is not after {@code from}). */
    public double between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        double days = 0;
        long first = from.atZone(zone).toLocalDate().toEpochDay();
        long last = to.atZone(zone).toLocalDate().toEpochDay();
        for (long day = first; day <= last; day++) {
            if (!isWorkingDay(day)) {
                continue;
            }
            if (day != first && day != last) {
                // a whole working day between the two: (end - start) / (end - start), exactly 1.0
                days += 1.0;
                continue;
            }
            LocalDate date = LocalDate.ofEpochDay(day);
            Instant start = date.atStartOfDay(zone).toInstant();
            Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
            Instant a = from.isAfter(start) ? from : start;
            Instant b = to.isBefore(end) ? to : end;
            if (b.isAfter(a)) {
                days += (double) (b.toEpochMilli() - a.toEpochMilli()) / (end.toEpochMilli() - start.toEpochMilli());
            }
        }
        return days;
    }

    /**
     * As {@link WorkingDayCalendar#workingDaysBetween(LocalDate, LocalDate)} (the working days after
     * {@code fromExclusive} up to and including {@code toInclusive}), from the table without a walk over the days.
     */
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        long a = fromExclusive.toEpochDay() - FIRST_DAY;
        long b = toInclusive.toEpochDay() - FIRST_DAY;
        if (a < 0 || b >= DAYS) {
            return calendar.workingDaysBetween(fromExclusive, toInclusive);
        }
        return b <= a ? 0 : before[(int) b + 1] - before[(int) a + 1];
    }

    private boolean isWorkingDay(long epochDay) {
        long index = epochDay - FIRST_DAY;
        return index >= 0 && index < DAYS ? working[(int) index] : calendar.isWorkingDay(LocalDate.ofEpochDay(epochDay));
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
