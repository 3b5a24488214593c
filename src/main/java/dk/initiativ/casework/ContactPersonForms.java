package dk.initiativ.casework;

import java.util.Map;

import dk.initiativ.process.InitiativeProcess;
import org.springframework.stereotype.Component;

/**
 * The contact person's own task forms (agreement, follow-up, closing), shared by the API and the case page
 * (ADR 0016). The record components are named like the forms' fields except where {@link #formField} says.
 */
final class ContactPersonForms {

    private ContactPersonForms() {
    }

    /** Form {@code expectation-agreement}. */
    @Component
    static class Agreement implements TaskForm<AgreementInput> {

        @Override
        public String taskKey() {
            return InitiativeProcess.TASK_FIRST_CONTACT;
        }

        @Override
        public AgreementInput read(FormValues values) {
            return new AgreementInput(values.text("willDo"), values.text("willNotDo"), values.text("whoDoesWhat"),
                    values.text("nextSteps"));
        }

        @Override
        public Map<String, Object> variables(String caseNumber, AgreementInput input, StaffUser user) {
            return Map.of(
                    InitiativeProcess.VAR_AGREEMENT_WILL_DO, input.willDo(),
                    InitiativeProcess.VAR_AGREEMENT_WILL_NOT_DO, input.willNotDo(),
                    InitiativeProcess.VAR_AGREEMENT_WHO_DOES_WHAT, input.whoDoesWhat(),
                    InitiativeProcess.VAR_AGREEMENT_NEXT_STEPS, input.nextSteps());
        }
    }

    /** Form {@code follow-up}. */
    @Component
    static class FollowUp implements TaskForm<FollowUpInput> {

        @Override
        public String taskKey() {
            return InitiativeProcess.TASK_FOLLOW_UP;
        }

        @Override
        public FollowUpInput read(FormValues values) {
            return new FollowUpInput(values.integer("progressPercent"), values.text("milestone"),
                    values.checked("initiativeDone"));
        }

        @Override
        public Map<String, Object> variables(String caseNumber, FollowUpInput input, StaffUser user) {
            return Map.of(
                    InitiativeProcess.VAR_PROGRESS_PERCENT, input.progressPercent(),
                    InitiativeProcess.VAR_MILESTONE, input.milestone(),
                    InitiativeProcess.VAR_DONE, input.done());
        }

        @Override
        public String formField(String property) {
            return "done".equals(property) ? "initiativeDone" : property;
        }
    }

    /** Form {@code close-case}. */
    @Component
    static class Closure implements TaskForm<ClosureInput> {

        @Override
        public String taskKey() {
            return InitiativeProcess.TASK_CLOSE_CASE;
        }

        @Override
        public ClosureInput read(FormValues values) {
            return new ClosureInput(values.text("outcome"), values.text("closingMessage"));
        }

        @Override
        public Map<String, Object> variables(String caseNumber, ClosureInput input, StaffUser user) {
            return Map.of(
                    InitiativeProcess.VAR_OUTCOME, input.outcome(),
                    InitiativeProcess.VAR_CLOSING_MESSAGE, input.message());
        }

        @Override
        public String formField(String property) {
            return "message".equals(property) ? "closingMessage" : property;
        }
    }
}
