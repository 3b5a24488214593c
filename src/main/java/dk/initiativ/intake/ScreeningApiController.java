package dk.initiativ.intake;

import java.util.HashMap;
import java.util.Map;

import dk.initiativ.casework.StaffTasks;
import dk.initiativ.casework.StaffUser;
import dk.initiativ.process.InitiativeProcess;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Intake completes the screening task through the API with the same variables as the Tasklist form. */
@RestController
class ScreeningApiController {

    private final StaffTasks tasks;
    private final IntakeService intake;

    ScreeningApiController(StaffTasks tasks, IntakeService intake) {
        this.tasks = tasks;
        this.intake = intake;
    }

    @PostMapping("/api/tasks/{taskId}/screening")
    ResponseEntity<Void> screen(@PathVariable String taskId, @Valid @RequestBody ScreeningInput input,
            Authentication authentication) {
        tasks.complete(taskId, InitiativeProcess.TASK_SCREEN_INITIATIVE, StaffUser.of(authentication), caseNumber -> {
            intake.check(caseNumber, input);
            Map<String, Object> variables = new HashMap<>();
            variables.put(InitiativeProcess.VAR_SCREENING_DECISION, input.decision());
            variables.put(InitiativeProcess.VAR_SCREENING_NOTE, input.note());
            variables.put(InitiativeProcess.VAR_DUPLICATE_OF, input.duplicateOfCaseNumber());
            return variables;
        });
        return ResponseEntity.noContent().build();
    }
}
