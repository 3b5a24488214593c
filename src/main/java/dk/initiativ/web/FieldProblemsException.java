package dk.initiativ.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * Bad input with several problems at once (the bad lines of an uploaded file, the bad rules of a decision table):
 * the JSON API answers 400 problem details whose detail sums them up and whose {@code errors} hold one entry per
 * problem, in the caller's language ({@code ApiProblemHandler}, the one place for it); a page lists them. Nothing is
 * stored.
 */
public abstract class FieldProblemsException extends RuntimeException {

    protected FieldProblemsException(String logMessage) {
        super(logMessage);
    }

    /** The problem details' detail in the language, e.g. "The file has 3 bad lines". */
    public abstract String detail(MessageSource messages, Locale locale);

    /** One entry per problem for the problem details' {@code errors}, each with its field and message. */
    public abstract List<?> errors(MessageSource messages, Locale locale);
}
