package dk.initiativ.intake;

import java.util.HashMap;
import java.util.Map;

import dk.initiativ.casework.FormValues;
import dk.initiativ.casework.StaffUser;
import dk.initiativ.casework.TaskForm;
import dk.initiativ.process.InitiativeProcess;
import org.springframework.stereotype.Component;

/** The screening task (form {@code screen-initiative}): the API's and the case page's one way to complete it. */
@Component
class ScreeningForm implements TaskForm<ScreeningInput> {

    private static final Map<String, String> FORM_FIELDS = Map.of("decision", "screeningDecision",
            "note", "screeningNote");

    private final IntakeService intake;

    ScreeningForm(IntakeService intake) {
        this.intake = intake;
    }

    @Override
    public String taskKey() {
        return InitiativeProcess.TASK_SCREEN_INITIATIVE;
    }

    @Override
    public ScreeningInput read(FormValues values) {
        return new ScreeningInput(values.text("screeningDecision"), values.text("screeningNote"),
                values.text("duplicateOfCaseNumber"));
    }

    @Override
    public Map<String, Object> variables(String caseNumber, ScreeningInput input, StaffUser user) {
        intake.check(caseNumber, input);
        Map<String, Object> variables = new HashMap<>();
        variables.put(InitiativeProcess.VAR_SCREENING_DECISION, input.decision());
        variables.put(InitiativeProcess.VAR_SCREENING_NOTE, input.note());
        variables.put(InitiativeProcess.VAR_DUPLICATE_OF, input.duplicateOfCaseNumber());
        return variables;
    }

    @Override
    public String formField(String property) {
        return FORM_FIELDS.getOrDefault(property, property);
    }
}
