package dk.initiativ.admin;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How the change record page names what one kind of reference data recorded (ADR 0038). The module that owns the
 * kind implements this as a bean (the admin module knows no feature; features know this interface): the thing's
 * name for its id (a person's name for a user id, a pool's name for its number) and a recorded value as a reader
 * reads it (a team's name for its code, an amount in kroner). Either may answer empty: the page then shows what was
 * recorded. Field labels are not named here but in the message bundles, under
 * {@code admin.changes.field.<kind>.<field>}; a field without one is shown with its key made readable.
 */
public interface ChangeNames {

    /** The kind named, one of {@link ReferenceKinds}. */
    String kind();

    /** The thing's name for the id it is recorded under, or empty when it cannot be found any more. */
    default Optional<String> entityName(String entityId, Locale locale) {
        return Optional.empty();
    }

    /**
     * One recorded value of {@code field} as the reader reads it, or empty to show it as recorded (dates and
     * yes/no in the reader's language, other values verbatim). {@code value} is never null nor JSON null.
     */
    default Optional<String> value(String field, JsonNode value, Locale locale) {
        return Optional.empty();
    }

    /** Whether {@code field} is bookkeeping no reader reads (a row id, a version counter): then it is not shown. */
    default boolean hidden(String field) {
        return false;
    }
}
