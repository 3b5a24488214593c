package dk.initiativ.casework;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dk.initiativ.web.FieldProblemException;
import org.springframework.stereotype.Component;

import static dk.initiativ.process.InitiativeProcess.*;

/**
 * The support plan's task forms, shared by the API and the case page (ADR 0016). Where a form hides a field
 * (form-js' {@code conditional}), its value is dropped like form-js drops it.
 */
final class SupportPlanForms {

    private SupportPlanForms() {
    }

    /**
     * Form {@code plan-support}, on the case page as in Tasklist: the permits only as permit types from the
     * checklist (ADR 0045).
     */
    @Component
    static class Plan implements TaskForm<SupportPlanInput> {

        @Override
        public String taskKey() {
            return TASK_PLAN_SUPPORT;
        }

        @Override
        public SupportPlanInput read(FormValues values) {
            boolean funding = values.checked("needsFunding");
            boolean permits = values.checked("needsPermits");
            boolean partners = values.checked("needsPartners");
            boolean political = values.checked("needsPolitical");
            if (permits) {
                // an old form may still send a free-text line: refused next to it (ADR 0045)
                try {
                    SupportPlans.refuseFreeText(values.text(VAR_PERMIT_LINES));
                } catch (FieldProblemException e) {
                    values.invalid(VAR_PERMIT_LINES, e.messageKey());
                }
            }
            List<String> permitTypes = permits ? values.all(VAR_PERMIT_TYPES).stream().map(String::strip)
                    .filter(code -> !code.isEmpty()).toList() : null;
            List<Long> partnerIds = new ArrayList<>();
            if (partners) {
                for (String id : values.all("partnerIds")) {
                    try {
                        partnerIds.add(Long.valueOf(id.strip()));
                    } catch (NumberFormatException e) {
                        values.invalid("partnerIds", "supportPlan.partners.ids");
                    }
                }
            }
            return new SupportPlanInput(funding, funding ? values.text("fundingPool") : null,
                    funding ? values.decimal("fundingAmount") : null, funding ? values.text("fundingPurpose") : null,
                    permits, null, permitTypes, partners, partners ? partnerIds : null,
                    political, political ? values.text("committee") : null);
        }

        @Override
        public Map<String, Object> variables(String caseNumber, SupportPlanInput input, StaffUser user) {
            if (input.permitRequests() != null && !input.permitRequests().isEmpty()) {
                // a permit is planned only from a permit type (ADR 0045): free text is refused, never dropped
                throw new FieldProblemException("permitRequests", "supportPlan.permits.typesOnly");
            }
            Map<String, Object> variables = new HashMap<>();
            variables.put(VAR_NEEDS_FUNDING, input.funding());
            variables.put(VAR_FUNDING_POOL, input.fundingPool());
            variables.put(VAR_FUNDING_AMOUNT, input.fundingAmount() == null ? null : input.fundingAmount().toPlainString());
            variables.put(VAR_FUNDING_PURPOSE, input.fundingPurpose());
            variables.put(VAR_NEEDS_PERMITS, input.permits());
            variables.put(VAR_PERMIT_TYPES, input.permitTypes() == null ? null : String.join(",", input.permitTypes()));
            variables.put(VAR_NEEDS_PARTNERS, input.partners());
            variables.put(VAR_PARTNER_IDS, SupportPlans.partnerIds(input.partnerIds()));
            variables.put(VAR_NEEDS_POLITICAL, input.political());
            variables.put(VAR_COMMITTEE, input.committee());
            return variables;
        }

        @Override
        public String formField(String property) {
            return switch (property) {
                case "funding" -> "needsFunding";
                case "permits" -> "needsPermits";
                case "partners" -> "needsPartners";
                case "political" -> "needsPolitical";
                case "permitRequests" -> "permitTypes";
                default -> property;
            };
        }

        @Override
        public String inputField(String serviceField) {
            return switch (serviceField) {
                case "amountRequested" -> "fundingAmount";
                case "pool" -> "fundingPool";
                case "permitType" -> "permitTypes";
                case "partnerId" -> "partnerIds";
                default -> serviceField;
            };
        }
    }

    /** Form {@code decide-funding}. */
    @Component
    static class FundingDecision implements TaskForm<SupportPlanApiController.FundingDecisionInput> {

        @Override
        public String taskKey() {
            return TASK_DECIDE_FUNDING;
        }

        @Override
        public SupportPlanApiController.FundingDecisionInput read(FormValues values) {
            Boolean granted = values.choice("fundingGranted");
            BigDecimal amount = Boolean.TRUE.equals(granted) ? values.decimal("amountGranted") : null;
            return new SupportPlanApiController.FundingDecisionInput(granted, amount,
                    granted == null ? null : values.text("fundingReason"));
        }

        @Override
        public Map<String, Object> variables(String caseNumber, SupportPlanApiController.FundingDecisionInput input,
                StaffUser user) {
            Map<String, Object> variables = new HashMap<>();
            variables.put(VAR_FUNDING_GRANTED, input.granted());
            variables.put(VAR_AMOUNT_GRANTED, input.amount() == null ? null : input.amount().toPlainString());
            variables.put(VAR_FUNDING_REASON, input.reason());
            return variables;
        }

        @Override
        public String formField(String property) {
            return switch (property) {
                case "granted" -> "fundingGranted";
                case "amount", "amountGranted" -> "amountGranted";
                case "reason", "fundingReason" -> "fundingReason";
                default -> property;
            };
        }
    }

    /** Form {@code decide-permit}. */
    @Component
    static class PermitDecision implements TaskForm<SupportPlanApiController.PermitDecisionInput> {

        @Override
        public String taskKey() {
            return TASK_DECIDE_PERMIT;
        }

        @Override
        public SupportPlanApiController.PermitDecisionInput read(FormValues values) {
            Boolean approved = values.choice("permitApproved");
            return new SupportPlanApiController.PermitDecisionInput(approved,
                    Boolean.FALSE.equals(approved) ? values.text("permitReason") : null);
        }

        @Override
        public Map<String, Object> variables(String caseNumber, SupportPlanApiController.PermitDecisionInput input,
                StaffUser user) {
            if (!input.approved() && (input.reason() == null || input.reason().isBlank())) {
                throw new FieldProblemException("reason", "permit.reason.required");
            }
            Map<String, Object> variables = new HashMap<>();
            variables.put(VAR_PERMIT_APPROVED, input.approved());
            variables.put(VAR_PERMIT_REASON, input.reason());
            return variables;
        }

        @Override
        public String formField(String property) {
            return switch (property) {
                case "approved" -> "permitApproved";
                case "reason", "permitReason" -> "permitReason";
                default -> property;
            };
        }
    }

    /** Form {@code follow-up-partners}: nothing to fill in, the task is done when the partners help. */
    @Component
    static class PartnersFollowedUp implements TaskForm<Void> {

        @Override
        public String taskKey() {
            return TASK_FOLLOW_UP_PARTNERS;
        }

        @Override
        public Void read(FormValues values) {
            return null;
        }

        @Override
        public Map<String, Object> variables(String caseNumber, Void input, StaffUser user) {
            return Map.of();
        }
    }

    /** Form {@code political-decision}. */
    @Component
    static class PoliticalDecision implements TaskForm<SupportPlanApiController.PoliticalDecisionInput> {

        @Override
        public String taskKey() {
            return TASK_RECORD_POLITICAL_DECISION;
        }

        @Override
        public SupportPlanApiController.PoliticalDecisionInput read(FormValues values) {
            return new SupportPlanApiController.PoliticalDecisionInput(values.text("politicalDecision"),
                    values.date("decidedOn"));
        }

        @Override
        public Map<String, Object> variables(String caseNumber,
                SupportPlanApiController.PoliticalDecisionInput input, StaffUser user) {
            return Map.of(VAR_POLITICAL_DECISION, input.decision(), VAR_DECIDED_ON, input.decidedOn().toString());
        }

        @Override
        public String formField(String property) {
            return "decision".equals(property) ? "politicalDecision" : property;
        }
    }
}
