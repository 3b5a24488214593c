package dk.initiativ.attachment;

import dk.initiativ.web.NotAccessLogged;
import dk.initiativ.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/** The citizen downloads their own attachments through the private tracking link. */
@Controller
@NotAccessLogged("the citizen's own door (tracking token), not staff's")
class CitizenAttachmentController {

    private final Attachments attachments;

    CitizenAttachmentController(Attachments attachments) {
        this.attachments = attachments;
    }

    @GetMapping("/track/{token}/attachments/{id}")
    ResponseEntity<byte[]> download(@PathVariable String token, @PathVariable long id) {
        return Downloads.of(attachments.file(attachments.caseNumberOfTrackingToken(token), id));
    }

    /** A made-up link or attachment: the friendly 404 page, not JSON. */
    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        ModelAndView page = new ModelAndView("error/404");
        page.setStatus(HttpStatus.NOT_FOUND);
        return page;
    }
}
