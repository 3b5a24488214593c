package dk.initiativ.citizen;

import java.util.List;

import dk.initiativ.casework.StaffUser;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The message thread: the citizen's side by tracking token, the staff side by case number. */
@RestController
class MessageApiController {

    private final CaseMessages messages;

    MessageApiController(CaseMessages messages) {
        this.messages = messages;
    }

    @PostMapping("/api/citizen/{token}/messages")
    ResponseEntity<Void> fromCitizen(@PathVariable String token, @Valid @RequestBody MessageInput input) {
        messages.fromCitizen(token, input.body());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/initiatives/{caseNumber}/messages")
    List<MessageView> thread(@PathVariable String caseNumber, Authentication authentication) {
        return messages.forStaff(caseNumber, StaffUser.of(authentication));
    }

    @PostMapping("/api/initiatives/{caseNumber}/messages")
    ResponseEntity<Void> fromStaff(@PathVariable String caseNumber, @Valid @RequestBody MessageInput input,
            Authentication authentication) {
        messages.reply(caseNumber, input.body(), StaffUser.of(authentication));
        return ResponseEntity.noContent().build();
    }
}
