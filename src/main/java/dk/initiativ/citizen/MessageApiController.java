package dk.initiativ.citizen;

import java.util.List;

import dk.initiativ.casework.StaffUser;
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

/** The message thread: the citizen's side by tracking token, the staff side by case number. */
@RestController
class MessageApiController {

    private final CaseMessages messages;
    private final AccessLog accessLog;

    MessageApiController(CaseMessages messages, AccessLog accessLog) {
        this.accessLog = accessLog;
        this.messages = messages;
    }

    @PostMapping("/api/citizen/{token}/messages")
    @NotAccessLogged("the citizen's own door (tracking token)")
    ResponseEntity<Void> fromCitizen(@PathVariable String token, @Valid @RequestBody MessageInput input) {
        messages.fromCitizen(token, input.body());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/initiatives/{caseNumber}/messages")
    @Transactional
    @AccessLogged(AccessKind.VIEW)
    List<MessageView> thread(@PathVariable String caseNumber, Authentication authentication) {
        List<MessageView> thread = messages.forStaff(caseNumber, StaffUser.of(authentication));
        accessLog.record(caseNumber, AccessKind.VIEW);
        return thread;
    }

    @PostMapping("/api/initiatives/{caseNumber}/messages")
    @NotAccessLogged("staff's reply; answers 204 with nothing (the message carries its author and time)")
    ResponseEntity<Void> fromStaff(@PathVariable String caseNumber, @Valid @RequestBody MessageInput input,
            Authentication authentication) {
        messages.reply(caseNumber, input.body(), StaffUser.of(authentication));
        return ResponseEntity.noContent().build();
    }
}
