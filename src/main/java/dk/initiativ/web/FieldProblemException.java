package dk.initiativ.web;

/**
 * Bad input that only the service can see (a rule across fields, a reference that does not exist):
 * answered as 400 with a field error, like Bean Validation's, in the caller's language.
 */
public class FieldProblemException extends RuntimeException {

    private final String field;
    private final String messageKey;

    public FieldProblemException(String field, String messageKey) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
