package dk.initiativ.submission;

import java.util.Map;
import java.util.Set;

import dk.initiativ.attachment.AttachmentProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.DefaultErrorViewResolver;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * A form post that Spring Security refused for its CSRF token (missing, wrong, or the session behind it
 * expired) gets a page that says what happened and how to go on, instead of the general "no access"
 * page. When the post could not even be read because it was too large (its token then is unreadable
 * too), the page says that instead. Every other error page is Spring Boot's convention (error/403.html,
 * error/404.html, ...), which this resolver keeps: a bean of this type replaces Boot's default one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FormErrorPages implements ErrorViewResolver {

    private final AttachmentProperties limits;
    /** Spring Boot's own resolver (error/403.html, error/404.html, ...), which a resolver bean of ours replaces. */
    private final DefaultErrorViewResolver conventions;

    FormErrorPages(AttachmentProperties limits, ApplicationContext context, WebProperties web) {
        this.limits = limits;
        this.conventions = new DefaultErrorViewResolver(context, web.getResources());
    }

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        if (status != HttpStatus.FORBIDDEN || !refusedForCsrf(request)) {
            return conventions.resolveErrorView(request, status, model);
        }
        boolean tooLarge = unreadableUpload(request);
        ModelAndView page = new ModelAndView("form-refused", Map.of("tooLarge", tooLarge, "limits", limits));
        page.setStatus(tooLarge ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.FORBIDDEN);
        return page;
    }

    /**
     * Whether Spring Security's CSRF check refused this request: an unsafe method whose submitted token does
     * not match the session's. (Spring Security's default access-denied handler does not say why it refused,
     * so the check is repeated here with its own token handler.)
     */
    private static boolean refusedForCsrf(HttpServletRequest request) {
        if (request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException) {
            return true;
        }
        if (SAFE_METHODS.contains(request.getMethod())
                || !(request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken expected)) {
            return false;
        }
        String submitted;
        try {
            submitted = new XorCsrfTokenRequestAttributeHandler().resolveCsrfTokenValue(request, expected);
        } catch (RuntimeException unreadable) {
            submitted = null;
        }
        return submitted == null || !submitted.equals(expected.getToken());
    }

    private static boolean unreadableUpload(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase().startsWith("multipart/")) {
            return false;
        }
        try {
            request.getParts();
            return false;
        } catch (Exception unreadable) {
            return true;
        }
    }
}
