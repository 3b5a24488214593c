package dk.initiativ.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a request handler (or every handler of a controller) shows staff no citizen's personal data, so
 * writes no {@code privacy.AccessLog} record, and says why: no personal data in its answer, a citizen's own door
 * (tracking token), or a change whose record is the case's timeline. See {@link AccessLogged} and ADR 0028.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface NotAccessLogged {

    /** Why the handler shows staff no personal data (for the reviewer; the test demands it is not blank). */
    String value();
}
