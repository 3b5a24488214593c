package dk.initiativ.submission;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dk.initiativ.initiative.AgeBand;
import dk.initiativ.initiative.ApplicantKind;
import dk.initiativ.initiative.HelpKind;
import dk.initiativ.initiative.SubmitInitiativeRequest;

/**
 * The public form as posted: every value as the citizen typed it (text), so that the form can be shown
 * again exactly as typed when something must be corrected. {@link #toRequest()} turns it into the case's
 * {@link SubmitInitiativeRequest} once the values read.
 */
class SubmissionForm {

    /** The form's fields in the order the page shows them (the error summary follows it). */
    static final List<String> FIELDS = List.of("title", "description", "topic", "district", "helpWanted",
            "estimatedBudget", "expectedTimeline", "applicantKind", "groupName", "contactName", "contactEmail",
            "contactPhone", "consent", "publicationConsent", "attachments", "profileAgeBand", "profileDistrict");

    private String title;
    private String description;
    private String topic;
    private String district;
    private List<String> helpWanted = new ArrayList<>();
    private String estimatedBudget;
    private String expectedTimeline;
    private String applicantKind = ApplicantKind.INDIVIDUAL.name();
    private String groupName;
    private String contactName;
    private String contactEmail;
    private String contactPhone;
    private boolean consent;
    private boolean publicationConsent;
    private String profileAgeBand;
    private String profileDistrict;
    private String submissionKey;
    /** The honeypot: hidden from people, filled in by many robots. */
    private String website;

    /**
     * The budget in whole kroner; "12.000", "12,000", "12 000" and "12000 kr." all read as 12000. A point or comma is
     * a thousands separator only between groups of three digits: "1500.50" or "12,5" is no whole number of kroner
     * (refused), not 150050 or 125. Null when empty.
     */
    Long budget() {
        if (blank(estimatedBudget)) {
            return null;
        }
        String digits = estimatedBudget.strip().toLowerCase(Locale.ROOT)
                .replaceAll("(kr\\.?|dkk)$", "").replaceAll("[\\s\\u00a0]", "");
        if (digits.matches("\\d{1,3}([.,]\\d{3})+")) {
            digits = digits.replaceAll("[.,]", "");
        }
        if (!digits.matches("\\d{1,12}")) {
            throw new NumberFormatException(estimatedBudget);
        }
        return Long.parseLong(digits);
    }

    /** The help wanted; unknown values are dropped (a tampered form), checked by {@link #unknownHelpWanted()}. */
    Set<HelpKind> helpKinds() {
        Set<HelpKind> kinds = EnumSet.noneOf(HelpKind.class);
        for (String value : helpWanted == null ? List.<String>of() : helpWanted) {
            for (HelpKind kind : HelpKind.values()) {
                if (kind.name().equals(value)) {
                    kinds.add(kind);
                }
            }
        }
        return kinds;
    }

    boolean unknownHelpWanted() {
        return helpWanted != null && helpWanted.stream().anyMatch(value -> !blank(value)
                && helpKinds().stream().noneMatch(kind -> kind.name().equals(value)));
    }

    /** The applicant kind; an unknown value (checked by {@link #applicantKindKnown()}) reads as an individual. */
    ApplicantKind applicant() {
        return applicantKindKnown() && !blank(applicantKind) ? ApplicantKind.valueOf(applicantKind) : ApplicantKind.INDIVIDUAL;
    }

    boolean applicantKindKnown() {
        return blank(applicantKind) || List.of(ApplicantKind.values()).stream().anyMatch(k -> k.name().equals(applicantKind));
    }

    /** The age band; an unknown value (checked by {@link #ageBandKnown()}) reads as no answer. */
    AgeBand ageBand() {
        return ageBandKnown() && !blank(profileAgeBand) ? AgeBand.valueOf(profileAgeBand) : null;
    }

    /** The budget, or null when empty or unreadable (checked by {@link #budget()}). */
    private Long budgetOrNull() {
        try {
            return budget();
        } catch (NumberFormatException unreadable) {
            return null;
        }
    }

    boolean ageBandKnown() {
        return blank(profileAgeBand) || List.of(AgeBand.values()).stream().anyMatch(b -> b.name().equals(profileAgeBand));
    }

    boolean honeypotFilled() {
        return !blank(website);
    }

    /** The request for the case; values that do not read (reported separately) are left empty. */
    SubmitInitiativeRequest toRequest() {
        boolean group = applicant() == ApplicantKind.GROUP;
        return new SubmitInitiativeRequest(strip(title), strip(description), strip(topic), strip(district),
                strip(contactName), strip(contactEmail), consent, helpKinds(), budgetOrNull(), emptyToNull(expectedTimeline),
                applicant(), group ? emptyToNull(groupName) : null, emptyToNull(contactPhone), publicationConsent,
                ageBand(), emptyToNull(profileDistrict));
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    private static String emptyToNull(String text) {
        return blank(text) ? null : text.strip();
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getDistrict() {
        return district;
    }

    public void setDistrict(String district) {
        this.district = district;
    }

    public List<String> getHelpWanted() {
        return helpWanted;
    }

    public void setHelpWanted(List<String> helpWanted) {
        this.helpWanted = helpWanted == null ? new ArrayList<>() : helpWanted;
    }

    public String getEstimatedBudget() {
        return estimatedBudget;
    }

    public void setEstimatedBudget(String estimatedBudget) {
        this.estimatedBudget = estimatedBudget;
    }

    public String getExpectedTimeline() {
        return expectedTimeline;
    }

    public void setExpectedTimeline(String expectedTimeline) {
        this.expectedTimeline = expectedTimeline;
    }

    public String getApplicantKind() {
        return applicantKind;
    }

    public void setApplicantKind(String applicantKind) {
        this.applicantKind = applicantKind;
    }

    public String getGroupName() {
        return groupName;
    }

    public void setGroupName(String groupName) {
        this.groupName = groupName;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }

    public boolean isConsent() {
        return consent;
    }

    public void setConsent(boolean consent) {
        this.consent = consent;
    }

    public boolean isPublicationConsent() {
        return publicationConsent;
    }

    public void setPublicationConsent(boolean publicationConsent) {
        this.publicationConsent = publicationConsent;
    }

    public String getProfileAgeBand() {
        return profileAgeBand;
    }

    public void setProfileAgeBand(String profileAgeBand) {
        this.profileAgeBand = profileAgeBand;
    }

    public String getProfileDistrict() {
        return profileDistrict;
    }

    public void setProfileDistrict(String profileDistrict) {
        this.profileDistrict = profileDistrict;
    }

    public String getSubmissionKey() {
        return submissionKey;
    }

    public void setSubmissionKey(String submissionKey) {
        this.submissionKey = submissionKey;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }
}
