package dk.initiativ.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What an admin page form does with a refused change (architecture.md "Errors": the form again with the message next
 * to the field, nothing stored), in one place instead of in every page controller (ADR 0046): a
 * {@link FieldProblemException} puts its message, in the reader's language, under its field and answers 400; a
 * {@link ConflictException} (someone else changed the row since the form was read) puts its message under the form's
 * conflict field and answers 409. The JSON API answers the same exceptions as problem details
 * ({@code ApiProblemHandler}).
 */
@Component
public class PageForms {

    private final MessageSource texts;

    PageForms(MessageSource texts) {
        this.texts = texts;
    }

    /**
     * What came of a change: its result when done; else the messages by field (in the order they came, to which the
     * page may add) and whether it was refused because someone else changed the row meanwhile.
     */
    public record Outcome<T>(T result, Map<String, String> errors, boolean conflict) {

        /** Whether the change was made (nothing refused it). */
        public boolean done() {
            return errors.isEmpty();
        }
    }

    /**
     * Tries a change. Refused, the response status is set (400, or 409 for a conflict) and the outcome holds the
     * message under {@code field.apply(problem's field)}, or under {@code conflictField} for a conflict.
     *
     * @param change        the change, with any parsing of the typed values that may refuse a field
     * @param field         the page's field name for a field the service names (e.g. a prefix per form)
     * @param conflictField where the page shows "someone else changed it"; null when the change cannot meet a
     *                      conflict (a create): a conflict then goes on to the error page
     */
    public <T> Outcome<T> attempt(Supplier<T> change, UnaryOperator<String> field, String conflictField,
            Locale locale, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            return new Outcome<>(change.get(), errors, false);
        } catch (FieldProblemException e) {
            errors.put(field.apply(e.field()), text(e.messageKey(), locale));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return new Outcome<>(null, errors, false);
        } catch (ConflictException e) {
            if (conflictField == null) {
                throw e;
            }
            errors.put(conflictField, text(e.messageKey(), locale));
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return new Outcome<>(null, errors, true);
        }
    }

    /** {@link #attempt} for a change without a result. */
    public Outcome<Void> run(Runnable change, UnaryOperator<String> field, String conflictField, Locale locale,
            HttpServletResponse response) {
        return attempt(() -> {
            change.run();
            return null;
        }, field, conflictField, locale, response);
    }

    /** A message in the reader's language; the key itself when there is no such message. */
    public String text(String key, Locale locale) {
        return texts.getMessage(key, null, key, locale);
    }
}
