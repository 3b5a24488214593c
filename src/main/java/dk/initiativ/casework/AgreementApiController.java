package dk.initiativ.casework;

import java.util.Map;

import dk.initiativ.process.InitiativeProcess;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The contact person records the expectation agreement through the API (same variables as the form). */
@RestController
class AgreementApiController {

    private final StaffTasks tasks;

    AgreementApiController(StaffTasks tasks) {
        this.tasks = tasks;
    }

    @PostMapping("/api/tasks/{taskId}/agreement")
    ResponseEntity<Void> agreement(@PathVariable String taskId, @Valid @RequestBody AgreementInput input,
            Authentication authentication) {
        tasks.complete(taskId, InitiativeProcess.TASK_FIRST_CONTACT, StaffUser.of(authentication), caseNumber -> Map.of(
                InitiativeProcess.VAR_AGREEMENT_WILL_DO, input.willDo(),
                InitiativeProcess.VAR_AGREEMENT_WILL_NOT_DO, input.willNotDo(),
                InitiativeProcess.VAR_AGREEMENT_WHO_DOES_WHAT, input.whoDoesWhat(),
                InitiativeProcess.VAR_AGREEMENT_NEXT_STEPS, input.nextSteps()));
        return ResponseEntity.noContent().build();
    }
}
