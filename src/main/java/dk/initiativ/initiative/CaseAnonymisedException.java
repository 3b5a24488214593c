package dk.initiativ.initiative;

import dk.initiativ.web.NotFoundException;

/**
 * The tracking link's case has been anonymised (ADR 0032): its personal data is gone, and the link only tells the
 * citizen so. Where no page says that, it is answered like an unknown case (404).
 */
public class CaseAnonymisedException extends NotFoundException {

    public CaseAnonymisedException() {
        super("The case of that tracking link has been anonymised");
    }
}
