package dk.initiativ.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares (in the generic HTTP layer, so that every module may) that a request handler shows staff a citizen's personal data and writes its {@code privacy.AccessLog} records
 * in the same request, before the data leaves. A test walks every handler so declared over HTTP and finds its
 * record; a handler that declares neither this nor {@link NotAccessLogged} fails a test (ADR 0028).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AccessLogged {

    /** The kinds of record the handler writes. */
    AccessKind[] value();
}
