package dk.initiativ.initiative;

import dk.initiativ.web.NotFoundException;

/** No case with that case number or tracking token. Answered as 404. */
public class CaseNotFoundException extends NotFoundException {

    public CaseNotFoundException(String what) {
        super("No case " + what);
    }
}
