package dk.initiativ.casework;

import dk.initiativ.web.NotAccessLogged;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The contact person closes a case in follow-up now, without waiting for the next check-in. */
@RestController
@NotAccessLogged("closes a case and answers with nothing; the closing is on the case's timeline")
class EarlyClosureApiController {

    private final EarlyClosures closures;

    EarlyClosureApiController(EarlyClosures closures) {
        this.closures = closures;
    }

    /** 204: the closing task ({@code closure}) is now in the contact person's work list. */
    @PostMapping("/api/initiatives/{caseNumber}/early-closure")
    ResponseEntity<Void> closeNow(@PathVariable String caseNumber, Authentication authentication) {
        closures.closeNow(caseNumber, StaffUser.of(authentication));
        return ResponseEntity.noContent().build();
    }
}
