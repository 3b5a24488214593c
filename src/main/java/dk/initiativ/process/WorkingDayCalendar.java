package dk.initiativ.process;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZonedDateTime;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Working days: Monday to Friday, except Danish public holidays ({@link DanishHolidays}) and the
 * configured days on which offices are closed ({@link DeadlineProperties#closedDays()}).
 */
@Component
public class WorkingDayCalendar {

    private final Set<MonthDay> closedDays;

    public WorkingDayCalendar(DeadlineProperties properties) {
        this.closedDays = properties.closedMonthDays();
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY
                && !closedDays.contains(MonthDay.from(date))
                && !DanishHolidays.of(date.getYear()).contains(date);
    }

    /**
     * The {@code n}-th working day strictly after {@code start}, whether or not {@code start} is a
     * working day itself: Friday + 1 and Saturday + 1 are both the following Monday (when it is a
     * working day). {@code n = 0} returns {@code start} unchanged.
     *
     * @throws IllegalArgumentException when {@code n} is negative
     */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, was " + n);
        }
        LocalDate date = start;
        int remaining = n;
        while (remaining > 0) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                remaining--;
            }
        }
        return date;
    }

    /**
     * As {@link #addWorkingDays(LocalDate, int)} on the date of {@code start} in its own zone, keeping
     * the time of day (shifted forward if it falls into a daylight-saving gap).
     */
    public ZonedDateTime addWorkingDays(ZonedDateTime start, int n) {
        return start.with(addWorkingDays(start.toLocalDate(), n));
    }

    /**
     * The number of working days {@code d} with {@code fromExclusive < d <= toInclusive}; 0 when
     * {@code toInclusive} is not after {@code fromExclusive}.
     */
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        int count = 0;
        for (LocalDate date = fromExclusive.plusDays(1); !date.isAfter(toInclusive); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                count++;
            }
        }
        return count;
    }
}
