package dk.initiativ.casework;

import dk.initiativ.web.NotAccessLogged;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The contact person's tasks through the API, with the same variables as the Tasklist forms and the same rules
 * as the case page ({@link ContactPersonForms}): the expectation agreement, the follow-up check-ins and the closing.
 */
@RestController
@NotAccessLogged("task completions answered with no citizen's data; each is on the case's timeline")
class ContactPersonTaskApiController {

    private final TaskForms forms;
    private final ContactPersonForms.Agreement agreement;
    private final ContactPersonForms.FollowUp followUp;
    private final ContactPersonForms.Closure closure;

    ContactPersonTaskApiController(TaskForms forms, ContactPersonForms.Agreement agreement,
            ContactPersonForms.FollowUp followUp, ContactPersonForms.Closure closure) {
        this.forms = forms;
        this.agreement = agreement;
        this.followUp = followUp;
        this.closure = closure;
    }

    @PostMapping("/api/tasks/{taskId}/agreement")
    ResponseEntity<Void> agreement(@PathVariable String taskId, @Valid @RequestBody AgreementInput input,
            Authentication authentication) {
        forms.complete(taskId, agreement, input, StaffUser.of(authentication));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/tasks/{taskId}/follow-up")
    ResponseEntity<Void> followUp(@PathVariable String taskId, @Valid @RequestBody FollowUpInput input,
            Authentication authentication) {
        forms.complete(taskId, followUp, input, StaffUser.of(authentication));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/tasks/{taskId}/closure")
    ResponseEntity<Void> closure(@PathVariable String taskId, @Valid @RequestBody ClosureInput input,
            Authentication authentication) {
        forms.complete(taskId, closure, input, StaffUser.of(authentication));
        return ResponseEntity.noContent().build();
    }
}
