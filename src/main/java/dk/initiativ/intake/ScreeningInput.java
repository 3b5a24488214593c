package dk.initiativ.intake;

import dk.initiativ.process.EngineText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What intake decides in the screening task, from the staff API or the Tasklist form alike.
 *
 * @param decision              accept, request-information, redirect or duplicate
 * @param note                  the question to the citizen, or the reason for a redirect
 * @param duplicateOfCaseNumber the case this one duplicates
 */
record ScreeningInput(
        @NotNull(message = "{screening.decision.required}")
        @Pattern(regexp = "accept|request-information|redirect|duplicate", message = "{screening.decision.invalid}")
        String decision,

        @Size(max = 4000, message = "{screening.note.size}") @EngineText
        String note,

        @Size(max = 20, message = "{screening.duplicateOf.unknown}") @EngineText
        String duplicateOfCaseNumber) {
}
