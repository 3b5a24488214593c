package dk.initiativ.matching;

import java.util.HashMap;
import java.util.Map;

import dk.initiativ.casework.FormValues;
import dk.initiativ.casework.StaffUser;
import dk.initiativ.casework.TaskForm;
import dk.initiativ.process.InitiativeProcess;
import dk.initiativ.web.FieldProblemException;
import org.springframework.stereotype.Component;

/** The matching tasks' forms, shared by the API and the case page (ADR 0016). */
final class MatchingForms {

    private MatchingForms() {
    }

    /** The proposed contact person's answer (form {@code accept-case}). */
    @Component
    static class Acceptance implements TaskForm<MatchingApiController.AcceptanceInput> {

        @Override
        public String taskKey() {
            return InitiativeProcess.TASK_ACCEPT_CASE;
        }

        @Override
        public MatchingApiController.AcceptanceInput read(FormValues values) {
            return new MatchingApiController.AcceptanceInput(values.choice("caseAccepted"), values.text("declineReason"));
        }

        @Override
        public Map<String, Object> variables(String caseNumber, MatchingApiController.AcceptanceInput input,
                StaffUser user) {
            if (!input.accepted() && (input.reason() == null || input.reason().isBlank())) {
                throw new FieldProblemException("reason", "matching.reason.required");
            }
            Map<String, Object> variables = new HashMap<>();
            variables.put(InitiativeProcess.VAR_CASE_ACCEPTED, input.accepted());
            variables.put(InitiativeProcess.VAR_DECLINE_REASON, input.reason());
            return variables;
        }

        @Override
        public String formField(String property) {
            return switch (property) {
                case "accepted" -> "caseAccepted";
                case "reason" -> "declineReason";
                default -> property;
            };
        }
    }

    /** The team manager's choice of contact person (form {@code reassign-case}). */
    @Component
    static class Reassignment implements TaskForm<MatchingApiController.ContactPersonInput> {

        private final MatchingService matching;

        Reassignment(MatchingService matching) {
            this.matching = matching;
        }

        @Override
        public String taskKey() {
            return InitiativeProcess.TASK_REASSIGN_CASE;
        }

        @Override
        public MatchingApiController.ContactPersonInput read(FormValues values) {
            return new MatchingApiController.ContactPersonInput(values.text("newContactPerson"));
        }

        @Override
        public Map<String, Object> variables(String caseNumber, MatchingApiController.ContactPersonInput input,
                StaffUser user) {
            matching.requireStaff(input.contactPerson());
            return Map.of(InitiativeProcess.VAR_NEW_CONTACT_PERSON, input.contactPerson().strip());
        }

        @Override
        public String formField(String property) {
            return "contactPerson".equals(property) ? "newContactPerson" : property;
        }
    }
}
