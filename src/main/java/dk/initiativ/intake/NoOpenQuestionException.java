package dk.initiativ.intake;

import dk.initiativ.web.ConflictException;

/** The citizen answered, but intake has no open question: answered as 409. */
class NoOpenQuestionException extends ConflictException {

    NoOpenQuestionException(String caseNumber) {
        super("conflict.noOpenQuestion", "No open question on case " + caseNumber);
    }
}
