package dk.initiativ.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.initiativ.web.DecimalLimits;
import dk.initiativ.web.IsoDates;

/**
 * The fields a task form posted, read as the types of the task's input record. A value that cannot be read
 * (a number with letters, an impossible date) becomes {@code null} and a field error in {@link #errors()}.
 */
public final class FormValues {

    private final Map<String, List<String>> values;
    private final Map<String, String> errors = new LinkedHashMap<>();

    public FormValues(Map<String, List<String>> values) {
        this.values = values;
    }

    /** The field's text, or {@code null} when it was not sent or is blank. */
    public String text(String field) {
        List<String> sent = values.get(field);
        if (sent == null || sent.isEmpty() || sent.get(0) == null || sent.get(0).isBlank()) {
            return null;
        }
        return sent.get(0);
    }

    /** Every value sent under the name (checklists, repeated rows), blanks kept so rows stay aligned. */
    public List<String> all(String field) {
        return values.getOrDefault(field, List.of());
    }

    /** A yes/no choice (radio buttons {@code true}/{@code false}); {@code null} when nothing was chosen. */
    public Boolean choice(String field) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        return switch (text.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> invalid(field, "taskForm.choice.invalid");
        };
    }

    /** A check box: ticked ({@code true}, the box's value) or not (nothing sent); any other value is a field error. */
    public boolean checked(String field) {
        String text = text(field);
        if (text == null || "true".equals(text.strip())) {
            return text != null;
        }
        invalid(field, "taskForm.checkbox.invalid");
        return false;
    }

    /** An amount or other number as a Dane writes it (25.000 or 2500,50) or plainly (2500.50). */
    public BigDecimal decimal(String field) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        String number = text.strip().replace(" ", "").replace("\u00a0", "");
        if (number.contains(",")) {
            number = number.replace(".", "").replace(',', '.');
        } else if (number.matches("\\d{1,3}(\\.\\d{3})+")) {
            number = number.replace(".", "");
        }
        try {
            BigDecimal value = new BigDecimal(number);
            if (!DecimalLimits.held(value)) {
                return invalid(field, "taskForm.number.invalid");
            }
            return value;
        } catch (NumberFormatException e) {
            return invalid(field, "taskForm.number.invalid");
        }
    }

    public Integer integer(String field) {
        BigDecimal number = decimal(field);
        if (number == null) {
            return null;
        }
        try {
            return number.intValueExact();
        } catch (ArithmeticException e) {
            return invalid(field, "taskForm.number.whole");
        }
    }

    /** A date as the browser's date field sends it (yyyy-MM-dd). */
    public LocalDate date(String field) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        return IsoDates.read(text).orElseGet(() -> invalid(field, "taskForm.date.invalid"));
    }

    /** Notes a field error found while reading (form field to message key). */
    public <T> T invalid(String field, String messageKey) {
        errors.putIfAbsent(field, messageKey);
        return null;
    }

    /** The fields that could not be read: form field to message key. */
    public Map<String, String> errors() {
        return errors;
    }
}
