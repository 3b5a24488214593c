package dk.initiativ.casework;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A task form from the case page that was refused: form field to message key, in the form's order; nothing stored. */
public class TaskFormErrors extends RuntimeException {

    private final transient Map<String, String> errors;

    TaskFormErrors(Map<String, String> errors) {
        super("Task form refused: " + errors);
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    public Map<String, String> errors() {
        return errors;
    }
}
