package dk.initiativ.web;

/** What was asked for does not exist (or is not the caller's to know of): answered as 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String logMessage) {
        super(logMessage);
    }
}
