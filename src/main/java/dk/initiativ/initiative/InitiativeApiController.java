package dk.initiativ.initiative;

import java.net.URI;
import java.util.Locale;

import dk.initiativ.web.NotAccessLogged;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public JSON submission endpoint. Bad input answers with field-level problem details. */
@RestController
@RequestMapping("/api/initiatives")
@NotAccessLogged("the citizen's own submission; answers the receipt to its sender")
class InitiativeApiController {

    private final SubmissionService submissions;

    InitiativeApiController(SubmissionService submissions) {
        this.submissions = submissions;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SubmissionReceipt> submit(@Valid @RequestBody SubmitInitiativeRequest request, Locale locale) {
        SubmissionReceipt receipt = submissions.submit(request, locale);
        return ResponseEntity.created(URI.create("/api/initiatives/" + receipt.caseNumber())).body(receipt);
    }
}
