package dk.initiativ.initiative;

import dk.initiativ.web.ConflictException;

/** The case is closed; nothing more can happen to it. Answered as 409 with web's conflict pages and problems. */
public class CaseClosedException extends ConflictException {

    private final String caseNumber;

    public CaseClosedException(String caseNumber) {
        super("conflict.caseClosed", "Case " + caseNumber + " is closed");
        this.caseNumber = caseNumber;
    }

    public String caseNumber() {
        return caseNumber;
    }
}
