package dk.initiativ.casework;

import dk.initiativ.process.EngineText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import dk.initiativ.web.FieldProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static dk.initiativ.process.InitiativeProcess.*;

/** The support plan's tasks through the API, with the same variables as the Tasklist forms. */
@RestController
class SupportPlanApiController {

    /** A fund officer's decision: granted with an amount, or rejected with a reason. */
    record FundingDecisionInput(@NotNull(message = "{funding.decision.required}") Boolean granted, BigDecimal amount,
            @Size(max = 4000, message = "{funding.reason.size}") @EngineText String reason) {
    }

    /** A department's decision on a permit. */
    record PermitDecisionInput(@NotNull(message = "{permit.decision.required}") Boolean approved,
            @Size(max = 4000, message = "{permit.reason.size}") @EngineText String reason) {
    }

    /** The committee's decision and its date. */
    record PoliticalDecisionInput(@NotNull(message = "{politics.decision.required}")
            @Size(max = 4000, message = "{politics.decision.size}") @EngineText String decision,
            @NotNull(message = "{politics.decidedOn.required}") LocalDate decidedOn) {
    }

    private final StaffTasks tasks;

    SupportPlanApiController(StaffTasks tasks) {
        this.tasks = tasks;
    }

    @PostMapping("/api/tasks/{taskId}/support-plan")
    ResponseEntity<Void> plan(@PathVariable String taskId, @Valid @RequestBody SupportPlanInput input,
            Authentication authentication) {
        tasks.complete(taskId, TASK_PLAN_SUPPORT, StaffUser.of(authentication), caseNumber -> {
            Map<String, Object> variables = new HashMap<>();
            variables.put(VAR_NEEDS_FUNDING, input.funding());
            variables.put(VAR_FUNDING_POOL, input.fundingPool());
            variables.put(VAR_FUNDING_AMOUNT, input.fundingAmount() == null ? null : input.fundingAmount().toPlainString());
            variables.put(VAR_FUNDING_PURPOSE, input.fundingPurpose());
            variables.put(VAR_NEEDS_PERMITS, input.permits());
            variables.put(VAR_PERMIT_LINES, SupportPlans.permitLines(input.permitRequests()));
            variables.put(VAR_NEEDS_PARTNERS, input.partners());
            variables.put(VAR_PARTNER_IDS, SupportPlans.partnerIds(input.partnerIds()));
            variables.put(VAR_NEEDS_POLITICAL, input.political());
            variables.put(VAR_COMMITTEE, input.committee());
            return variables;
        });
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/tasks/{taskId}/funding-decision")
    ResponseEntity<Void> fundingDecision(@PathVariable String taskId, @Valid @RequestBody FundingDecisionInput input,
            Authentication authentication) {
        tasks.complete(taskId, TASK_DECIDE_FUNDING, StaffUser.of(authentication), caseNumber -> {
            Map<String, Object> variables = new HashMap<>();
            variables.put(VAR_FUNDING_GRANTED, input.granted());
            variables.put(VAR_AMOUNT_GRANTED, input.amount() == null ? null : input.amount().toPlainString());
            variables.put(VAR_FUNDING_REASON, input.reason());
            return variables;
        });
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/tasks/{taskId}/permit-decision")
    ResponseEntity<Void> permitDecision(@PathVariable String taskId, @Valid @RequestBody PermitDecisionInput input,
            Authentication authentication) {
        if (!input.approved() && (input.reason() == null || input.reason().isBlank())) {
            throw new FieldProblemException("reason", "permit.reason.required");
        }
        tasks.complete(taskId, TASK_DECIDE_PERMIT, StaffUser.of(authentication), caseNumber -> {
            Map<String, Object> variables = new HashMap<>();
            variables.put(VAR_PERMIT_APPROVED, input.approved());
            variables.put(VAR_PERMIT_REASON, input.reason());
            return variables;
        });
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/tasks/{taskId}/partners-followed-up")
    ResponseEntity<Void> partnersFollowedUp(@PathVariable String taskId, Authentication authentication) {
        tasks.complete(taskId, TASK_FOLLOW_UP_PARTNERS, StaffUser.of(authentication), caseNumber -> Map.of());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/tasks/{taskId}/political-decision")
    ResponseEntity<Void> politicalDecision(@PathVariable String taskId, @Valid @RequestBody PoliticalDecisionInput input,
            Authentication authentication) {
        tasks.complete(taskId, TASK_RECORD_POLITICAL_DECISION, StaffUser.of(authentication), caseNumber -> Map.of(
                VAR_POLITICAL_DECISION, input.decision(), VAR_DECIDED_ON, input.decidedOn().toString()));
        return ResponseEntity.noContent().build();
    }
}
