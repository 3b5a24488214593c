package dk.initiativ.attachment;

/**
 * An attachment the citizen must change: the message key (in the form bundle) and its arguments, such as
 * the file's name and the limit it broke.
 */
public class AttachmentRejectedException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    AttachmentRejectedException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
