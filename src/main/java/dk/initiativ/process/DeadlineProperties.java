package dk.initiativ.process;

import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The case deadlines, each counted in working days (see {@link WorkingDayCalendar}).
 *
 * @param intakeScreening     intake screens a new initiative within this many working days
 * @param informationReminder reminder to a citizen who has not answered a request for information
 * @param informationTimeout  the case closes as inactive when the citizen has not answered by then
 * @param contactAcceptance   the chosen contact person accepts the case within this, else it escalates
 * @param firstContact        first contact and expectation agreement after acceptance
 * @param followUpInterval    time between follow-up check-ins
 * @param checkIn             the contact person does a due check-in (or the closing) within this
 * @param permitDecision      a department decides a required permit within this (due at the end of office
 *                            hours on that day)
 * @param zone                the municipality's time zone, in which working days are counted
 * @param closedDays          days ({@code MM-dd}) on which offices are closed though they are no
 *                            public holiday: Constitution Day, Christmas Eve, New Year's Eve
 */
@ConfigurationProperties("initiativ.deadlines")
public record DeadlineProperties(
        @DefaultValue("3") int intakeScreening,
        @DefaultValue("7") int informationReminder,
        @DefaultValue("30") int informationTimeout,
        @DefaultValue("2") int contactAcceptance,
        @DefaultValue("5") int firstContact,
        @DefaultValue("30") int followUpInterval,
        @DefaultValue("5") int checkIn,
        @DefaultValue("10") int permitDecision,
        @DefaultValue("Europe/Copenhagen") ZoneId zone,
        @DefaultValue({"06-05", "12-24", "12-31"}) List<String> closedDays) {

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    public DeadlineProperties {
        requireNotNegative("intake-screening", intakeScreening);
        requireNotNegative("information-reminder", informationReminder);
        requireNotNegative("information-timeout", informationTimeout);
        requireNotNegative("contact-acceptance", contactAcceptance);
        requireNotNegative("first-contact", firstContact);
        requireNotNegative("check-in", checkIn);
        requireNotNegative("permit-decision", permitDecision);
        if (followUpInterval < 1) {
            throw new IllegalArgumentException("follow-up-interval must be at least 1, was " + followUpInterval);
        }
        closedDays = closedDays == null ? List.of() : List.copyOf(closedDays);
        closedDays.forEach(DeadlineProperties::parseMonthDay);
    }

    /** {@link #closedDays()} parsed. */
    public Set<MonthDay> closedMonthDays() {
        return closedDays.stream().map(DeadlineProperties::parseMonthDay).collect(Collectors.toUnmodifiableSet());
    }

    private static MonthDay parseMonthDay(String text) {
        try {
            return MonthDay.parse(text.strip(), MONTH_DAY);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("closed-days: expected MM-dd, was '" + text + "'", e);
        }
    }

    private static void requireNotNegative(String name, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + workingDays);
        }
    }
}
