package dk.initiativ.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A day as a browser's date field and the JSON API send it: ISO 8601 {@code yyyy-MM-dd}, white space around it
 * ignored. One reading for the pages and controllers that take a typed day (ADR 0046); how a day is shown to a
 * reader is the pages' own ({@code #temporals}, the Danish format).
 */
public final class IsoDates {

    private IsoDates() {
    }

    /**
     * The typed day, or null when nothing was typed.
     *
     * @throws FieldProblemException with the field and the message key when it is no such day
     */
    public static LocalDate parse(String typed, String field, String messageKey) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        return read(typed).orElseThrow(() -> new FieldProblemException(field, messageKey));
    }

    /**
     * The typed day; empty when nothing was typed or it is no such day, or a day of a year the database cannot hold
     * (before 1000 or after 9999, which ISO 8601 writes with a sign: {@code +10000-01-01}).
     */
    public static Optional<LocalDate> read(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(typed.strip())).filter(IsoDates::storable);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A day of a year the database holds (MariaDB's {@code DATE}: 1000-01-01 to 9999-12-31). */
    public static boolean storable(LocalDate day) {
        return day.getYear() >= 1000 && day.getYear() <= 9999;
    }
}
