package dk.initiativ.privacy;

import java.time.Instant;

import dk.initiativ.web.AccessKind;
import dk.initiativ.web.AccessLogged;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Erasure on request in the staff API (ADR 0032): {@code POST /api/initiatives/{caseNumber}/erasure} with a reason,
 * admins only. Bad input is a problem detail with the field named ({@code reason}); an unknown case 404; a case
 * anonymised already 409.
 */
@RestController
class ErasureApiController {

    private final CaseErasure erasure;

    ErasureApiController(CaseErasure erasure) {
        this.erasure = erasure;
    }

    /** The request: why the case is erased (required, at most 500 characters, no personal data). */
    record ErasureRequest(String reason) {
    }

    /** The answer: which case, when, and whether it was open (then its process was ended). */
    record ErasureDone(String caseNumber, Instant erasedAt, boolean wasOpen) {
    }

    @PostMapping("/api/initiatives/{caseNumber}/erasure")
    @AccessLogged(AccessKind.CHANGE)
    ErasureDone erase(@PathVariable String caseNumber, @RequestBody ErasureRequest request,
            Authentication authentication) {
        ErasurePageController.requireAdmin(authentication);
        CaseErasure.Erased erased = erasure.erase(caseNumber, request == null ? null : request.reason());
        return new ErasureDone(erased.caseNumber(), erased.at(), erased.wasOpen());
    }
}
