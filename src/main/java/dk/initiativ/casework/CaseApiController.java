package dk.initiativ.casework;

import dk.initiativ.identity.Role;
import dk.initiativ.initiative.CaseView;
import dk.initiativ.initiative.Cases;
import dk.initiativ.web.ForbiddenException;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case dossier for staff: the facts and the whole timeline. Intake, managers and admins read
 * every case; contact staff will read their own cases once matching assigns them.
 */
@RestController
@RequestMapping("/api/initiatives")
class CaseApiController {

    private final Cases cases;

    CaseApiController(Cases cases) {
        this.cases = cases;
    }

    @GetMapping("/{caseNumber}")
    @Transactional(readOnly = true)
    CaseView dossier(@PathVariable String caseNumber, Authentication authentication) {
        StaffUser user = StaffUser.of(authentication);
        if (!(user.isIn(Role.INTAKE.groupId()) || user.isIn(Role.MANAGER.groupId()) || user.isIn(Role.ADMIN.groupId()))) {
            throw new ForbiddenException(user.userId() + " may not read case " + caseNumber);
        }
        return cases.view(caseNumber);
    }
}
