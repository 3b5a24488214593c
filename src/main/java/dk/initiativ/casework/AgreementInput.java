package dk.initiativ.casework;

import dk.initiativ.process.EngineText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the contact person records at the first contact; the citizen reads it on the tracking page. */
record AgreementInput(
        @NotBlank(message = "{agreement.willDo.required}") @Size(max = 4000, message = "{agreement.size}") @EngineText String willDo,
        @NotBlank(message = "{agreement.willNotDo.required}") @Size(max = 4000, message = "{agreement.size}") @EngineText String willNotDo,
        @NotBlank(message = "{agreement.whoDoesWhat.required}") @Size(max = 4000, message = "{agreement.size}") @EngineText String whoDoesWhat,
        @NotBlank(message = "{agreement.nextSteps.required}") @Size(max = 4000, message = "{agreement.size}") @EngineText String nextSteps) {
}
