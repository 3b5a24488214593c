package dk.initiativ.web;

/** The request came too late or collided with another: answered as 409 with a message for a person. */
public class ConflictException extends RuntimeException {

    private final String messageKey;

    public ConflictException(String messageKey, String logMessage) {
        super(logMessage);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
