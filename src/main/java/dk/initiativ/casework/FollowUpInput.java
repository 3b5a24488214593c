package dk.initiativ.casework;

import dk.initiativ.process.EngineText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A follow-up check-in: progress, the latest milestone, and whether the initiative is done. */
record FollowUpInput(
        @NotNull(message = "{followUp.progress.required}") @Min(value = 0, message = "{followUp.progress.range}")
        @Max(value = 100, message = "{followUp.progress.range}") Integer progressPercent,
        @NotBlank(message = "{followUp.milestone.required}") @Size(max = 1000, message = "{followUp.milestone.size}")
        @EngineText String milestone,
        @NotNull(message = "{followUp.done.required}") Boolean done) {
}
