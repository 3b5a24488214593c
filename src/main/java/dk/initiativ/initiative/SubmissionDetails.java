package dk.initiativ.initiative;

/** The submitted facts beyond those in {@link CaseView}; the profile answers are voluntary. */
public record SubmissionDetails(Long estimatedBudget, String expectedTimeline, ApplicantKind applicantKind,
        String groupName, String contactPhone, boolean publicationConsent, AgeBand profileAgeBand,
        String profileDistrict, String citizenUserId) {
}
