package dk.initiativ.citizen;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dk.initiativ.intake.InformationRequestView;
import dk.initiativ.privacy.AccessLog;

/**
 * All data held about a case that concerns the citizen (GDPR art. 15), as the JSON download of the
 * tracking page: what they submitted, the timeline, questions and answers, messages, the agreement, the
 * support plan's tracks, the evaluation, staff's internal notes on the case (with the author's name) and when and
 * why staff looked at the case (the access log, without staff names: ADR 0028). Staff user ids and staff-internal
 * steps are left out.
 */
record CaseDataExport(String about, Instant exportedAt, String caseNumber, Submission submission,
        Status status, Contact contactPerson, Agreement agreement, List<TimelineEntry> timeline,
        List<InformationRequestView> informationRequests, List<Message> messages, List<Funding> funding,
        List<Permit> permits, List<Partner> partners, Political politicalDecision, SurveyView survey,
        List<Attachment> attachments, List<Note> internalNotes, List<AccessLog.Lookup> staffLookups) {

    /** An internal note by staff on the case: never on the citizen's pages, but part of what is held (GDPR art. 15). */
    public record Note(String author, String text, Instant writtenAt) {
    }

    public record Submission(String title, String description, String topic, String district, List<String> helpWanted,
            String applicantKind, String groupName, Long estimatedBudget, String expectedTimeline, String contactName,
            String contactEmail, String contactPhone, String language, boolean publicationConsent,
            String profileAgeBand, String profileDistrict, String loggedInUserId, Instant submittedAt,
            String contactAddress, String channel, String registeredBy) {
    }

    /** A file sent with the form: what it is, not its content (the tracking page downloads it). */
    public record Attachment(String fileName, String contentType, long sizeBytes, String sha256) {
    }

    public record Status(String stage, String outcome, Integer progressPercent, Instant closedAt) {
    }

    public record Contact(String name, String email, String phone) {
    }

    public record Agreement(String willDo, String willNotDo, String whoDoesWhat, String nextSteps,
            Instant recordedAt) {
    }

    public record TimelineEntry(String type, String text, Instant occurredAt, String detail,
            String relatedCaseNumber) {
    }

    public record Message(String from, String text, Instant sentAt) {
    }

    public record Funding(String pool, BigDecimal amountRequested, String purpose, String status,
            BigDecimal amountGranted, String decisionReason, Instant proposedAt, Instant decidedAt) {
    }

    public record Permit(String kind, String status, LocalDate dueDate, String reason, Instant decidedAt) {
    }

    public record Partner(String name, String kind, String contact, String note, Instant linkedAt) {
    }

    public record Political(String committee, Instant forwardedAt, String decision, LocalDate decidedOn) {
    }
}
