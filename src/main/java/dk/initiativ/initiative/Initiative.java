package dk.initiativ.initiative;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import org.hibernate.annotations.NaturalId;

/** A citizen's initiative: the case, keyed by its case number (the process' business key). */
@Entity
class Initiative {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NaturalId
    @Column(nullable = false, updatable = false)
    private String caseNumber;

    @Column(updatable = false)
    private String trackingTokenHash;

    @Column(updatable = false)
    private String trackingSalt;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String description;

    @Column(nullable = false)
    private String topic;

    @Column(nullable = false)
    private String district;

    @Column(nullable = false)
    private String contactName;

    /** Null only for a citizen registered by staff who has no e-mail (then phone or postal address). */
    private String contactEmail;

    private String contactAddress;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Channel channel = Channel.WEB;

    @Column(updatable = false)
    private String registeredBy;

    @Column(nullable = false)
    private String language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Stage stage;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    private Instant closedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "duplicate_of_id")
    private Initiative duplicateOf;

    @Column(nullable = false, updatable = false)
    private Instant submittedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "initiative_help_wanted", joinColumns = @JoinColumn(name = "initiative_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    private Set<HelpKind> helpWanted = EnumSet.noneOf(HelpKind.class);

    private String teamCode;

    private String contactPerson;

    private Integer progressPercent;

    private Long estimatedBudget;

    private String expectedTimeline;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApplicantKind applicantKind = ApplicantKind.INDIVIDUAL;

    private String groupName;

    private String contactPhone;

    private boolean publicationConsent;

    @Enumerated(EnumType.STRING)
    private AgeBand profileAgeBand;

    private String profileDistrict;

    @Column(updatable = false)
    private String citizenUserId;

    @Column(updatable = false)
    private String submissionKey;

    /** When the case's personal data was removed (ADR 0032); null while it is kept. Written by privacy's SQL. */
    @Column(insertable = false, updatable = false)
    private Instant anonymisedAt;

    @Version
    private long version;

    protected Initiative() {
    }

    Initiative(String caseNumber, TrackingTokens.Issued token, SubmitInitiativeRequest request, String language,
            Instant submittedAt, Submitter submitter, Registration registration) {
        this.caseNumber = caseNumber;
        this.channel = registration.channel();
        this.registeredBy = registration.registeredBy();
        this.contactAddress = blankToNull(registration.contactAddress());
        this.trackingTokenHash = token.hash();
        this.trackingSalt = token.salt();
        this.citizenUserId = submitter.citizenUserId();
        this.submissionKey = submitter.submissionKey();
        this.estimatedBudget = request.estimatedBudget();
        this.expectedTimeline = blankToNull(request.expectedTimeline());
        this.applicantKind = request.applicantKind() == null ? ApplicantKind.INDIVIDUAL : request.applicantKind();
        this.groupName = this.applicantKind == ApplicantKind.GROUP ? blankToNull(request.groupName()) : null;
        this.contactPhone = blankToNull(request.contactPhone());
        this.publicationConsent = Boolean.TRUE.equals(request.publicationConsent());
        this.profileAgeBand = request.profileAgeBand();
        this.profileDistrict = blankToNull(request.profileDistrict());
        this.title = request.title().strip();
        this.description = request.description().strip();
        this.topic = request.topic().strip();
        this.district = request.district().strip();
        this.contactName = request.contactName().strip();
        this.contactEmail = blankToNull(request.contactEmail());
        this.language = language;
        this.stage = Stage.SUBMITTED;
        this.submittedAt = submittedAt;
        if (request.helpWanted() != null && !request.helpWanted().isEmpty()) {
            this.helpWanted = EnumSet.copyOf(request.helpWanted());
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    void awaitInformation() {
        requireOpen();
        this.stage = Stage.AWAITING_INFORMATION;
    }

    void resumeScreening() {
        requireOpen();
        this.stage = Stage.SUBMITTED;
    }

    void accept() {
        requireOpen();
        this.stage = Stage.ACCEPTED;
    }

    void assignContactPerson(String teamCode, String userId) {
        requireOpen();
        this.teamCode = teamCode;
        this.contactPerson = userId;
    }

    void matched() {
        requireOpen();
        this.stage = Stage.MATCHED;
    }

    void agreed() {
        requireOpen();
        this.stage = Stage.AGREED;
    }

    void recordProgress(int percent) {
        requireOpen();
        this.progressPercent = percent;
    }

    void close(Outcome outcome, Instant at) {
        requireOpen();
        this.stage = Stage.CLOSED;
        this.outcome = outcome;
        this.closedAt = at;
    }

    void markDuplicateOf(Initiative original, Instant at) {
        if (original.getId().equals(id)) {
            throw new IllegalArgumentException("A case cannot duplicate itself");
        }
        this.duplicateOf = original;
        close(Outcome.DUPLICATE, at);
    }

    /** The citizen no longer allows the showcase to show the case (ADR 0032): it leaves the showcase at once. */
    void withdrawPublicationConsent() {
        this.publicationConsent = false;
    }

    public boolean isAnonymised() {
        return anonymisedAt != null;
    }

    public boolean isOpen() {
        return stage != Stage.CLOSED;
    }

    private void requireOpen() {
        if (!isOpen()) {
            throw new CaseClosedException(caseNumber);
        }
    }

    public Long getId() {
        return id;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public String getTopic() {
        return topic;
    }

    public String getDistrict() {
        return district;
    }

    public String getContactName() {
        return contactName;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public String getLanguage() {
        return language;
    }

    public Stage getStage() {
        return stage;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Set<HelpKind> getHelpWanted() {
        return Set.copyOf(helpWanted);
    }

    public String getTeamCode() {
        return teamCode;
    }

    public String getContactPerson() {
        return contactPerson;
    }

    public Integer getProgressPercent() {
        return progressPercent;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getDuplicateOfCaseNumber() {
        return duplicateOf == null ? null : duplicateOf.getCaseNumber();
    }

    public String getTrackingSalt() {
        return trackingSalt;
    }

    public Long getEstimatedBudget() {
        return estimatedBudget;
    }

    public String getExpectedTimeline() {
        return expectedTimeline;
    }

    public ApplicantKind getApplicantKind() {
        return applicantKind;
    }

    public String getGroupName() {
        return groupName;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public String getContactAddress() {
        return contactAddress;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getRegisteredBy() {
        return registeredBy;
    }

    public boolean isPublicationConsent() {
        return publicationConsent;
    }

    public AgeBand getProfileAgeBand() {
        return profileAgeBand;
    }

    public String getProfileDistrict() {
        return profileDistrict;
    }

    public String getCitizenUserId() {
        return citizenUserId;
    }

    public String getSubmissionKey() {
        return submissionKey;
    }
}
