package dk.initiativ.submission;

import java.util.Map;

import dk.initiativ.attachment.AttachmentProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A form upload too large (over {@code spring.servlet.multipart.max-request-size}) or too malformed to read
 * at all fails before any controller sees it: the citizen gets a page that says so (413), not an error.
 * Files that can be read but break the attachment limits get a field error on the form instead.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnreadableUploads {

    private static final Logger log = LoggerFactory.getLogger(UnreadableUploads.class);

    private final AttachmentProperties limits;

    UnreadableUploads(AttachmentProperties limits) {
        this.limits = limits;
    }

    @ExceptionHandler(MultipartException.class)
    ModelAndView unreadable(MultipartException ex) {
        log.info("Refused an upload that could not be read: {}", ex.getMessage());
        ModelAndView page = new ModelAndView("form-refused", Map.of("tooLarge", true, "limits", limits));
        page.setStatus(HttpStatus.PAYLOAD_TOO_LARGE);
        return page;
    }
}
