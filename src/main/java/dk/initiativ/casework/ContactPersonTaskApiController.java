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

/**
 * The contact person's tasks through the API, with the same variables as the Tasklist forms: the
 * expectation agreement, the follow-up check-ins and the closing.
 */
@RestController
class ContactPersonTaskApiController {

    private final StaffTasks tasks;

    ContactPersonTaskApiController(StaffTasks tasks) {
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

    @PostMapping("/api/tasks/{taskId}/follow-up")
    ResponseEntity<Void> followUp(@PathVariable String taskId, @Valid @RequestBody FollowUpInput input,
            Authentication authentication) {
        tasks.complete(taskId, InitiativeProcess.TASK_FOLLOW_UP, StaffUser.of(authentication), caseNumber -> Map.of(
                InitiativeProcess.VAR_PROGRESS_PERCENT, input.progressPercent(),
                InitiativeProcess.VAR_MILESTONE, input.milestone(),
                InitiativeProcess.VAR_DONE, input.done()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/tasks/{taskId}/closure")
    ResponseEntity<Void> closure(@PathVariable String taskId, @Valid @RequestBody ClosureInput input,
            Authentication authentication) {
        tasks.complete(taskId, InitiativeProcess.TASK_CLOSE_CASE, StaffUser.of(authentication), caseNumber -> Map.of(
                InitiativeProcess.VAR_OUTCOME, input.outcome(),
                InitiativeProcess.VAR_CLOSING_MESSAGE, input.message()));
        return ResponseEntity.noContent().build();
    }
}
