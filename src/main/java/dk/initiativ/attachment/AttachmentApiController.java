package dk.initiativ.attachment;

import java.util.List;

import dk.initiativ.casework.CaseAccess;
import dk.initiativ.casework.StaffUser;
import dk.initiativ.initiative.CaseView;
import dk.initiativ.initiative.Cases;
import dk.initiativ.privacy.AccessLog;
import dk.initiativ.web.AccessKind;
import dk.initiativ.web.AccessLogged;
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
    private final AccessLog accessLog;

    AttachmentApiController(Attachments attachments, Cases cases, CaseAccess access, AccessLog accessLog) {
        this.accessLog = accessLog;
        this.attachments = attachments;
        this.cases = cases;
        this.access = access;
    }

    @GetMapping
    @Transactional
    @AccessLogged(AccessKind.VIEW)
    List<AttachmentView> list(@PathVariable String caseNumber, Authentication authentication) {
        CaseView view = requireAccess(caseNumber, authentication);
        accessLog.record(caseNumber, view.contactPerson(), AccessKind.VIEW);
        return attachments.listFor(caseNumber);
    }

    @GetMapping("/{id}")
    @Transactional
    @AccessLogged(AccessKind.DOWNLOAD)
    ResponseEntity<byte[]> download(@PathVariable String caseNumber, @PathVariable long id,
            Authentication authentication) {
        CaseView view = requireAccess(caseNumber, authentication);
        var file = attachments.file(caseNumber, id);
        accessLog.record(caseNumber, view.contactPerson(), AccessKind.DOWNLOAD);
        return Downloads.of(file);
    }

    private CaseView requireAccess(String caseNumber, Authentication authentication) {
        StaffUser user = StaffUser.of(authentication);
        CaseView view = cases.view(caseNumber);
        if (!access.mayRead(user, view)) {
            throw new ForbiddenException(user.userId() + " may not read the attachments of " + caseNumber);
        }
        return view;
    }
}
