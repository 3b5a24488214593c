package dk.initiativ.casework;

import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
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

    CaseNoteApiController(CaseNotes notes) {
        this.notes = notes;
    }

    @GetMapping("/api/initiatives/{caseNumber}/notes")
    List<NoteView> notes(@PathVariable String caseNumber, Authentication authentication) {
        return notes.read(caseNumber, StaffUser.of(authentication));
    }

    @PostMapping("/api/initiatives/{caseNumber}/notes")
    ResponseEntity<Void> write(@PathVariable String caseNumber, @Valid @RequestBody NoteInput input,
            Authentication authentication) {
        notes.write(caseNumber, input.body(), StaffUser.of(authentication));
        return ResponseEntity.noContent().build();
    }
}
