package dk.initiativ.casework;

import dk.initiativ.process.EngineText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The outcome the contact person closes with, and the message the citizen gets. */
record ClosureInput(
        @NotNull(message = "{closure.outcome.required}")
        @Pattern(regexp = "REALISED|PARTLY_REALISED|HANDED_OVER_TO_ASSOCIATION|FORWARDED_TO_POLITICIANS|NOT_REALISED",
                message = "{closure.outcome.invalid}") String outcome,
        @NotBlank(message = "{closure.message.required}") @Size(max = 4000, message = "{closure.message.size}")
        @EngineText String message) {
}
