package dk.initiativ.initiative;

import java.util.Set;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a citizen submits. Messages are keys into messages_da / messages_en. */
public record SubmitInitiativeRequest(
        @NotBlank(message = "{initiative.title.required}")
        @Size(max = 150, message = "{initiative.title.size}")
        String title,

        @NotBlank(message = "{initiative.description.required}")
        @Size(max = 5000, message = "{initiative.description.size}")
        String description,

        @NotBlank(message = "{initiative.topic.required}")
        @Size(max = 60, message = "{initiative.topic.size}")
        String topic,

        @NotBlank(message = "{initiative.district.required}")
        @Size(max = 60, message = "{initiative.district.size}")
        String district,

        @NotBlank(message = "{initiative.contactName.required}")
        @Size(max = 120, message = "{initiative.contactName.size}")
        String contactName,

        @NotBlank(message = "{initiative.contactEmail.required}")
        @Email(message = "{initiative.contactEmail.invalid}")
        @Size(max = 254, message = "{initiative.contactEmail.size}")
        String contactEmail,

        @NotNull(message = "{initiative.consent.required}")
        @AssertTrue(message = "{initiative.consent.required}")
        Boolean consent,

        @Size(max = 6, message = "{initiative.helpWanted.size}")
        Set<HelpKind> helpWanted) {
}
