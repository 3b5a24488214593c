package dk.initiativ.intake;

import dk.initiativ.web.FieldProblemException;

/** A screening decision that the case's facts do not allow (e.g. a duplicate of an unknown case). */
class InvalidScreeningException extends FieldProblemException {

    InvalidScreeningException(String field, String messageKey) {
        super(field, messageKey);
    }
}
