package dk.initiativ.citizen;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The citizen's answer to intake's question. */
record AnswerRequest(
        @NotBlank(message = "{citizen.answer.required}")
        @Size(max = 5000, message = "{citizen.answer.size}")
        String answer) {
}
