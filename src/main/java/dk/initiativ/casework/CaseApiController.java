package dk.initiativ.casework;

import dk.initiativ.initiative.CaseView;
import dk.initiativ.initiative.Cases;
import dk.initiativ.privacy.AccessLog;
import dk.initiativ.web.AccessKind;
import dk.initiativ.web.AccessLogged;
import dk.initiativ.web.ForbiddenException;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The case dossier for staff: the facts, the whole timeline and the agreement; see {@link CaseAccess}. */
@RestController
@RequestMapping("/api/initiatives")
class CaseApiController {

    private final Cases cases;
    private final Agreements agreements;
    private final CaseAccess access;
    private final AccessLog accessLog;

    CaseApiController(Cases cases, Agreements agreements, CaseAccess access, AccessLog accessLog) {
        this.accessLog = accessLog;
        this.cases = cases;
        this.agreements = agreements;
        this.access = access;
    }

    /** The dossier: the case with its timeline, and the agreement once recorded. */
    record Dossier(CaseView initiative, AgreementView agreement) {
    }

    @GetMapping("/{caseNumber}")
    @Transactional
    @AccessLogged(AccessKind.VIEW)
    Dossier dossier(@PathVariable String caseNumber, Authentication authentication) {
        StaffUser user = StaffUser.of(authentication);
        CaseView view = cases.view(caseNumber);
        if (!access.mayRead(user, view)) {
            throw new ForbiddenException(user.userId() + " may not read case " + caseNumber);
        }
        accessLog.record(caseNumber, view.contactPerson(), AccessKind.VIEW);
        return new Dossier(view, agreements.of(caseNumber).orElse(null));
    }
}
