package dk.initiativ.web;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The errors of the {@link HtmlPage} controllers as friendly pages in the user's language, with the right
 * status: nothing found (also an unknown or malformed tracking link: the same page, no hint whether a case
 * exists) 404, not yours 403, too late or at the same time as someone else 409. Ordered before the JSON
 * API's {@code ApiProblemHandler}, which would otherwise answer these with problem details.
 */
@ControllerAdvice(annotations = HtmlPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class HtmlPageErrors {

    private static final Logger log = LoggerFactory.getLogger(HtmlPageErrors.class);

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException ex) {
        log.debug("Page not found: {}", ex.getMessage());
        return page("error/404", HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(ForbiddenException.class)
    ModelAndView forbidden(ForbiddenException ex) {
        log.info("Refused: {}", ex.getMessage());
        return page("error/403", HttpStatus.FORBIDDEN);
    }

    @ExceptionHandler({ConflictException.class, OptimisticLockingException.class,
            ObjectOptimisticLockingFailureException.class, PessimisticLockingFailureException.class})
    ModelAndView conflict(RuntimeException ex, HttpServletRequest request) {
        log.info("Conflict on a page: {}", ex.getMessage());
        ModelAndView page = page("error/409", HttpStatus.CONFLICT);
        page.addObject("backUrl", backUrl(request.getRequestURI().substring(request.getContextPath().length())));
        page.addObject("messageKey", ex instanceof ConflictException conflict ? conflict.messageKey() : "conflict.concurrent");
        return page;
    }

    /**
     * Back to the page the form was on: the tracking page of a tracking page's form, the case page of a case
     * page's form, else the start page.
     */
    static String backUrl(String path) {
        String[] parts = path.split("/");
        if (parts.length >= 3 && parts[1].equals("track") && parts[2].matches("[A-Za-z0-9_-]{1,100}")) {
            return "/track/" + parts[2];
        }
        if (parts.length >= 3 && parts[1].equals("cases") && parts[2].matches("[A-Z]{2,5}-\\d{4}-\\d{1,10}")) {
            return "/cases/" + parts[2];
        }
        return "/";
    }

    private static ModelAndView page(String view, HttpStatus status) {
        ModelAndView page = new ModelAndView(view);
        page.setStatus(status);
        page.addObject("status", status.value());
        return page;
    }
}
