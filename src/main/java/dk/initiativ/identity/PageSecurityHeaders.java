package dk.initiativ.identity;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The Content-Security-Policy and Referrer-Policy of every page of ours: scripts, styles, fonts and
 * images from our own origin only (no inline script; style attributes are allowed for the progress bar),
 * no plugins, not framed by anyone, and no address of ours in the Referer header to another site. A
 * page that sets its own header keeps it (the tracking pages send {@code no-referrer}, attachments
 * {@code sandbox}). Camunda's webapps send their own policy, and springdoc's Swagger UI is left alone.
 */
final class PageSecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "style-src-attr 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    static final ReferrerPolicy REFERRER_POLICY = ReferrerPolicy.SAME_ORIGIN;

    private PageSecurityHeaders() {
    }

    static void configure(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        RequestMatcher ours = new NegatedRequestMatcher(new OrRequestMatcher(path.matcher("/camunda/**"),
                path.matcher("/swagger-ui/**"), path.matcher("/swagger-ui.html")));
        http.headers(headers -> headers
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(ours,
                        new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(ours,
                        new ReferrerPolicyHeaderWriter(REFERRER_POLICY))));
    }
}
