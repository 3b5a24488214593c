package dk.initiativ.web;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Bad input that only the service can see (a rule across fields, a reference that does not exist):
 * answered as 400 with a field error, like Bean Validation's, in the caller's language. The exception's
 * own message is the Danish text: it is what Camunda Tasklist shows staff when a form's completion fails.
 */
public class FieldProblemException extends RuntimeException {

    private final String field;
    private final String messageKey;

    public FieldProblemException(String field, String messageKey) {
        super(field + ": " + danishText(messageKey));
        this.field = field;
        this.messageKey = messageKey;
    }

    private static String danishText(String messageKey) {
        try {
            return ResourceBundle.getBundle("messages", Locale.forLanguageTag("da")).getString(messageKey);
        } catch (MissingResourceException e) {
            return messageKey;
        }
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
