package dk.initiativ.initiative;

import java.util.Set;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** What a citizen submits. Messages are keys into messages_da / messages_en. */
@GroupNamed
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
        Set<HelpKind> helpWanted,

        @PositiveOrZero(message = "{initiative.estimatedBudget.range}")
        @Max(value = 100_000_000, message = "{initiative.estimatedBudget.range}")
        Long estimatedBudget,

        @Size(max = 300, message = "{initiative.expectedTimeline.size}")
        String expectedTimeline,

        /** Null means an individual, so that older API clients keep working. */
        ApplicantKind applicantKind,

        @Size(max = 120, message = "{initiative.groupName.size}")
        String groupName,

        @Size(max = 30, message = "{initiative.contactPhone.size}")
        @Pattern(regexp = "^$|^\\+?[0-9 ()-]{6,30}$", message = "{initiative.contactPhone.invalid}")
        String contactPhone,

        /** The citizen lets the municipality show the initiative in the showcase once it is realised. */
        Boolean publicationConsent,

        /** Voluntary profile question, only for statistics. */
        AgeBand profileAgeBand,

        /** Voluntary profile question (where the citizen lives), only for statistics. */
        @Size(max = 60, message = "{initiative.profileDistrict.size}")
        String profileDistrict) {

    /** The first version's fields only; the others are left empty. */
    public SubmitInitiativeRequest(String title, String description, String topic, String district,
            String contactName, String contactEmail, Boolean consent, Set<HelpKind> helpWanted) {
        this(title, description, topic, district, contactName, contactEmail, consent, helpWanted, null, null, null,
                null, null, null, null, null);
    }
}
