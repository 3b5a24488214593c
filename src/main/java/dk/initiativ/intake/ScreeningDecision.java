package dk.initiativ.intake;

import java.util.Arrays;
import java.util.Optional;

/** Intake's decision on a new initiative; the value is the process variable {@code screeningDecision}. */
enum ScreeningDecision {
    ACCEPT("accept"),
    REQUEST_INFORMATION("request-information"),
    REDIRECT("redirect"),
    DUPLICATE("duplicate");

    private final String value;

    ScreeningDecision(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<ScreeningDecision> of(String value) {
        return Arrays.stream(values()).filter(decision -> decision.value.equals(value)).findFirst();
    }
}
