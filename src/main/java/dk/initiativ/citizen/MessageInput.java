package dk.initiativ.citizen;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A message to send. */
record MessageInput(
        @NotBlank(message = "{message.body.required}") @Size(max = 4000, message = "{message.body.size}") String body) {
}
