package dk.initiativ.matching;

import java.time.LocalDate;

/**
 * A staff member's planned absence, both days included.
 *
 * @param until the last day away, or {@code null} while the return is not known
 */
record Absence(LocalDate from, LocalDate until) {

    public Absence {
        if (from == null) {
            throw new IllegalArgumentException("An absence needs a first day");
        }
        if (until != null && until.isBefore(from)) {
            throw new IllegalArgumentException("An absence cannot end before it begins");
        }
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && (until == null || !day.isAfter(until));
    }
}
