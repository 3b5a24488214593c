package dk.initiativ.matching;

import dk.initiativ.process.EngineText;
import java.util.HashMap;
import java.util.Map;

import dk.initiativ.casework.CaseAccess;
import dk.initiativ.casework.StaffTasks;
import dk.initiativ.casework.StaffUser;
import dk.initiativ.initiative.Cases;
import dk.initiativ.process.InitiativeProcess;
import dk.initiativ.web.FieldProblemException;
import dk.initiativ.web.ForbiddenException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The matching tasks through the API (same variables as the Tasklist forms), and the manager's override. */
@RestController
class MatchingApiController {

    /** The proposed contact person's answer. */
    record AcceptanceInput(@NotNull(message = "{matching.accepted.required}") Boolean accepted,
            @Size(max = 2000, message = "{matching.reason.size}") @EngineText String reason) {
    }

    /** The manager's choice of contact person (a user id with a staff profile). */
    record ContactPersonInput(@NotNull(message = "{matching.contactPerson.required}")
            @Size(max = 64, message = "{matching.contactPerson.unknown}") @EngineText String contactPerson) {
    }

    private final StaffTasks tasks;
    private final MatchingService matching;
    private final ContactOverride override;
    private final CaseAccess access;
    private final Cases cases;

    MatchingApiController(StaffTasks tasks, MatchingService matching, ContactOverride override, CaseAccess access,
            Cases cases) {
        this.tasks = tasks;
        this.matching = matching;
        this.override = override;
        this.access = access;
        this.cases = cases;
    }

    @PostMapping("/api/tasks/{taskId}/acceptance")
    ResponseEntity<Void> acceptance(@PathVariable String taskId, @Valid @RequestBody AcceptanceInput input,
            Authentication authentication) {
        if (!input.accepted() && (input.reason() == null || input.reason().isBlank())) {
            throw new FieldProblemException("reason", "matching.reason.required");
        }
        tasks.complete(taskId, InitiativeProcess.TASK_ACCEPT_CASE, StaffUser.of(authentication), caseNumber -> {
            Map<String, Object> variables = new HashMap<>();
            variables.put(InitiativeProcess.VAR_CASE_ACCEPTED, input.accepted());
            variables.put(InitiativeProcess.VAR_DECLINE_REASON, input.reason());
            return variables;
        });
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/tasks/{taskId}/reassignment")
    ResponseEntity<Void> reassignment(@PathVariable String taskId, @Valid @RequestBody ContactPersonInput input,
            Authentication authentication) {
        matching.requireStaff(input.contactPerson());
        tasks.complete(taskId, InitiativeProcess.TASK_REASSIGN_CASE, StaffUser.of(authentication),
                caseNumber -> Map.of(InitiativeProcess.VAR_NEW_CONTACT_PERSON, input.contactPerson().strip()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/initiatives/{caseNumber}/contact-person")
    ResponseEntity<Void> overrideContactPerson(@PathVariable String caseNumber,
            @Valid @RequestBody ContactPersonInput input, Authentication authentication) {
        StaffUser user = StaffUser.of(authentication);
        if (!access.mayReassign(user, cases.view(caseNumber))) {
            throw new ForbiddenException(user.userId() + " may not reassign " + caseNumber);
        }
        override.override(caseNumber, input.contactPerson(), user.userId());
        return ResponseEntity.noContent().build();
    }
}
