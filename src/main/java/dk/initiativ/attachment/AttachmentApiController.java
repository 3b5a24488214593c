package dk.initiativ.attachment;

import java.util.List;

import dk.initiativ.casework.CaseAccess;
import dk.initiativ.casework.StaffUser;
import dk.initiativ.initiative.CaseView;
import dk.initiativ.initiative.Cases;
import dk.initiativ.web.ForbiddenException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff with access to a case (see {@link CaseAccess}) list and download its attachments. */
@RestController
@RequestMapping("/api/initiatives/{caseNumber}/attachments")
class AttachmentApiController {

    private final Attachments attachments;
    private final Cases cases;
    private final CaseAccess access;

    AttachmentApiController(Attachments attachments, Cases cases, CaseAccess access) {
        this.attachments = attachments;
        this.cases = cases;
        this.access = access;
    }

    @GetMapping
    @Transactional(readOnly = true)
    List<AttachmentView> list(@PathVariable String caseNumber, Authentication authentication) {
        requireAccess(caseNumber, authentication);
        return attachments.listFor(caseNumber);
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> download(@PathVariable String caseNumber, @PathVariable long id,
            Authentication authentication) {
        requireAccess(caseNumber, authentication);
        return Downloads.of(attachments.file(caseNumber, id));
    }

    private void requireAccess(String caseNumber, Authentication authentication) {
        StaffUser user = StaffUser.of(authentication);
        CaseView view = cases.view(caseNumber);
        if (!access.mayRead(user, view)) {
            throw new ForbiddenException(user.userId() + " may not read the attachments of " + caseNumber);
        }
    }
}
