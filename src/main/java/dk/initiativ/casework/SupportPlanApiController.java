package dk.initiativ.casework;

import dk.initiativ.process.EngineText;
import java.math.BigDecimal;
import java.time.LocalDate;

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

/**
 * The support plan's tasks through the API, with the same variables as the Tasklist forms and the same rules as
 * the case page ({@link SupportPlanForms}).
 */
@RestController
@NotAccessLogged("task completions answered with no citizen's data; each is on the case's timeline")
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

    private final TaskForms forms;
    private final SupportPlanForms.Plan plan;
    private final SupportPlanForms.FundingDecision fundingDecision;
    private final SupportPlanForms.PermitDecision permitDecision;
    private final SupportPlanForms.PartnersFollowedUp partnersFollowedUp;
    private final SupportPlanForms.PoliticalDecision politicalDecision;

    SupportPlanApiController(TaskForms forms, SupportPlanForms.Plan plan,
            SupportPlanForms.FundingDecision fundingDecision, SupportPlanForms.PermitDecision permitDecision,
            SupportPlanForms.PartnersFollowedUp partnersFollowedUp, SupportPlanForms.PoliticalDecision politicalDecision) {
        this.forms = forms;
        this.plan = plan;
        this.fundingDecision = fundingDecision;
        this.permitDecision = permitDecision;
        this.partnersFollowedUp = partnersFollowedUp;
        this.politicalDecision = politicalDecision;
    }

    @PostMapping("/api/tasks/{taskId}/support-plan")
    ResponseEntity<Void> plan(@PathVariable String taskId, @Valid @RequestBody SupportPlanInput input,
            Authentication authentication) {
        forms.complete(taskId, plan, input, StaffUser.of(authentication));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/tasks/{taskId}/funding-decision")
    ResponseEntity<Void> fundingDecision(@PathVariable String taskId, @Valid @RequestBody FundingDecisionInput input,
            Authentication authentication) {
        forms.complete(taskId, fundingDecision, input, StaffUser.of(authentication));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/tasks/{taskId}/permit-decision")
    ResponseEntity<Void> permitDecision(@PathVariable String taskId, @Valid @RequestBody PermitDecisionInput input,
            Authentication authentication) {
        forms.complete(taskId, permitDecision, input, StaffUser.of(authentication));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/tasks/{taskId}/partners-followed-up")
    ResponseEntity<Void> partnersFollowedUp(@PathVariable String taskId, Authentication authentication) {
        forms.complete(taskId, partnersFollowedUp, null, StaffUser.of(authentication));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/tasks/{taskId}/political-decision")
    ResponseEntity<Void> politicalDecision(@PathVariable String taskId, @Valid @RequestBody PoliticalDecisionInput input,
            Authentication authentication) {
        forms.complete(taskId, politicalDecision, input, StaffUser.of(authentication));
        return ResponseEntity.noContent().build();
    }
}
