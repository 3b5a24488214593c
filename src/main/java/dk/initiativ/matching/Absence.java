package dk.initiativ.matching;

import java.time.LocalDate;

/**
 * One absence period of a staff member, both days included (ADR 0038); a person may have several.
 *
 * @param id    the period's number (to remove it), or {@code null} before it is stored
 * @param until the last day away, or {@code null} while the return is not known
 * @param note  an optional note (holiday, course, ...), or {@code null}
 */
public record Absence(Long id, LocalDate from, LocalDate until, String note) {

    public Absence {
        if (from == null) {
            throw new IllegalArgumentException("An absence needs a first day");
        }
        if (until != null && until.isBefore(from)) {
            throw new IllegalArgumentException("An absence cannot end before it begins");
        }
    }

    /** A period not stored yet, without a note. */
    public Absence(LocalDate from, LocalDate until) {
        this(null, from, until, null);
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && (until == null || !day.isAfter(until));
    }

    /** Whether the two periods share at least one day. */
    public boolean overlaps(Absence other) {
        boolean thisEndsBefore = until != null && until.isBefore(other.from());
        boolean otherEndsBefore = other.until() != null && other.until().isBefore(from);
        return !thisEndsBefore && !otherEndsBefore;
    }

    /** Whether the period's last day lies before {@code day}. */
    public boolean endedBefore(LocalDate day) {
        return until != null && until.isBefore(day);
    }

    /** Whether the period begins after {@code day}. */
    public boolean startsAfter(LocalDate day) {
        return from.isAfter(day);
    }
}
