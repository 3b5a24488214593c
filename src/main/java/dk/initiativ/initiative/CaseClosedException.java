package dk.initiativ.initiative;

/** The case is closed; nothing more can happen to it. Answered as 409. */
public class CaseClosedException extends RuntimeException {

    private final String caseNumber;

    public CaseClosedException(String caseNumber) {
        super("Case " + caseNumber + " is closed");
        this.caseNumber = caseNumber;
    }

    public String caseNumber() {
        return caseNumber;
    }
}
