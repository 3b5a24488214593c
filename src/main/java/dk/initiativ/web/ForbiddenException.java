package dk.initiativ.web;

/** The caller is who they say, but this case or task is not theirs: answered as 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String logMessage) {
        super(logMessage);
    }
}
