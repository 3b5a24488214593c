package dk.initiativ.casework;

import java.util.List;

import dk.initiativ.privacy.AccessLog;
import dk.initiativ.web.AccessKind;
import dk.initiativ.web.AccessLogged;
import dk.initiativ.web.NotAccessLogged;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Internal notes through the JSON API; see {@link CaseNotes}. */
@RestController
class CaseNoteApiController {

    /** A new note; emptiness and length are checked by {@link CaseNotes} (characters, not UTF-16 units). */
    record NoteInput(String body) {
    }

    private final CaseNotes notes;
    private final AccessLog accessLog;

    CaseNoteApiController(CaseNotes notes, AccessLog accessLog) {
        this.accessLog = accessLog;
        this.notes = notes;
    }

    @GetMapping("/api/initiatives/{caseNumber}/notes")
    @Transactional
    @AccessLogged(AccessKind.VIEW)
    List<NoteView> notes(@PathVariable String caseNumber, Authentication authentication) {
        List<NoteView> read = notes.read(caseNumber, StaffUser.of(authentication));
        accessLog.record(caseNumber, AccessKind.VIEW);
        return read;
    }

    @PostMapping("/api/initiatives/{caseNumber}/notes")
    @NotAccessLogged("writes a note (with its author and time); answers 204 with nothing")
    ResponseEntity<Void> write(@PathVariable String caseNumber, @Valid @RequestBody NoteInput input,
            Authentication authentication) {
        notes.write(caseNumber, input.body(), StaffUser.of(authentication));
        return ResponseEntity.noContent().build();
    }
}
