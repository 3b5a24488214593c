package dk.initiativ.matching;

import java.util.Map;

import dk.initiativ.casework.StaffUser;
import dk.initiativ.casework.TaskForms;
import dk.initiativ.process.EngineText;
import dk.initiativ.web.NotAccessLogged;
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
@NotAccessLogged("changes (acceptance, reassignment, moves) answered with no citizen's data; each is on the case's timeline")
class MatchingApiController {

    /** The proposed contact person's answer. */
    record AcceptanceInput(@NotNull(message = "{matching.accepted.required}") Boolean accepted,
            @Size(max = 2000, message = "{matching.reason.size}") @EngineText String reason) {
    }

    /** The manager's choice of contact person (a user id with a staff profile). */
    record ContactPersonInput(@NotNull(message = "{matching.contactPerson.required}")
            @Size(max = 64, message = "{matching.contactPerson.unknown}") @EngineText String contactPerson) {
    }

    /** A manager's move of a case to another contact person, with the reason (kept as an internal note). */
    record MoveInput(@NotNull(message = "{matching.contactPerson.required}")
            @Size(max = 64, message = "{matching.contactPerson.unknown}") @EngineText String contactPerson,
            @Size(max = 2000, message = "{caseMove.reason.size}") String reason) {
    }

    /** A manager's move of every open case of one person over the rest of the team, with one reason. */
    record MoveAllInput(@Size(max = 2000, message = "{caseMove.reason.size}") String reason) {
    }

    private final TaskForms forms;
    private final MatchingForms.Acceptance acceptance;
    private final MatchingForms.Reassignment reassignment;
    private final CaseMoves moves;

    MatchingApiController(TaskForms forms, MatchingForms.Acceptance acceptance,
            MatchingForms.Reassignment reassignment, CaseMoves moves) {
        this.forms = forms;
        this.acceptance = acceptance;
        this.reassignment = reassignment;
        this.moves = moves;
    }

    @PostMapping("/api/tasks/{taskId}/acceptance")
    ResponseEntity<Void> acceptance(@PathVariable String taskId, @Valid @RequestBody AcceptanceInput input,
            Authentication authentication) {
        forms.complete(taskId, acceptance, input, StaffUser.of(authentication));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/tasks/{taskId}/reassignment")
    ResponseEntity<Void> reassignment(@PathVariable String taskId, @Valid @RequestBody ContactPersonInput input,
            Authentication authentication) {
        forms.complete(taskId, reassignment, input, StaffUser.of(authentication));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/initiatives/{caseNumber}/contact-person")
    ResponseEntity<Void> overrideContactPerson(@PathVariable String caseNumber,
            @Valid @RequestBody MoveInput input, Authentication authentication) {
        moves.moveOne(caseNumber, input.contactPerson(), input.reason(), StaffUser.of(authentication));
        return ResponseEntity.noContent().build();
    }

    /** Every open case of the person, spread over the rest of their team by workload; 200 with how many moved. */
    @PostMapping("/api/staff/{userId}/move-cases")
    Map<String, Integer> moveAll(@PathVariable String userId, @Valid @RequestBody MoveAllInput input,
            Authentication authentication) {
        return Map.of("moved", moves.moveAll(userId, input.reason(), StaffUser.of(authentication)));
    }
}
