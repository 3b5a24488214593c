package dk.initiativ.citizen;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dk.initiativ.casework.CaseNotes;
import dk.initiativ.casework.AgreementView;
import dk.initiativ.attachment.Attachments;
import dk.initiativ.casework.Agreements;
import dk.initiativ.funding.FundingApplications;
import dk.initiativ.initiative.CaseEventType;
import dk.initiativ.initiative.CaseView;
import dk.initiativ.initiative.Cases;
import dk.initiativ.initiative.CitizenContact;
import dk.initiativ.initiative.Stage;
import dk.initiativ.initiative.SubmissionDetails;
import dk.initiativ.intake.IntakeService;
import dk.initiativ.matching.StaffDirectory;
import dk.initiativ.network.PartnerLinks;
import dk.initiativ.permits.PermitRequirements;
import dk.initiativ.politics.PoliticalDecisions;
import dk.initiativ.privacy.AccessLog;
import dk.initiativ.process.InitiativeProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The citizen's side of a case, reached only through the private tracking token. */
@Service
@Transactional
public class CitizenCaseService {

    /**
     * Timeline entries whose detail the citizen may read: the question to them, the reason for a
     * redirect, the support plan's decisions, the milestones, the closing message, and how a case registered by
     * staff came in (a channel code, shown in the citizen's words).
     */
    private static final Set<CaseEventType> DETAIL_FOR_CITIZEN = Set.of(CaseEventType.INFORMATION_REQUESTED,
            CaseEventType.REDIRECTED, CaseEventType.MARKED_DUPLICATE, CaseEventType.SUPPORT_PLANNED,
            CaseEventType.FUNDING_PROPOSED, CaseEventType.FUNDING_GRANTED, CaseEventType.FUNDING_REJECTED,
            CaseEventType.PERMIT_REQUIRED, CaseEventType.PERMIT_APPROVED, CaseEventType.PERMIT_REFUSED,
            CaseEventType.PARTNER_LINKED, CaseEventType.POLITICAL_FORWARDED, CaseEventType.POLITICAL_DECIDED,
            CaseEventType.PROGRESS_RECORDED, CaseEventType.CLOSED, CaseEventType.REGISTERED_BY_STAFF);

    private final Cases cases;
    private final IntakeService intake;
    private final Agreements agreements;
    private final StaffDirectory staff;
    private final RuntimeService runtimeService;
    private final CaseMessages messages;
    private final FundingApplications funding;
    private final PermitRequirements permits;
    private final PartnerLinks partners;
    private final PoliticalDecisions politics;
    private final Surveys surveys;
    private final Attachments attachments;
    private final MessageSource texts;
    private final Clock clock;

    private final CaseNotes notes;
    private final AccessLog accessLog;

    CitizenCaseService(Cases cases, IntakeService intake, Agreements agreements, StaffDirectory staff,
            RuntimeService runtimeService, CaseMessages messages, FundingApplications funding,
            PermitRequirements permits, PartnerLinks partners, PoliticalDecisions politics, Surveys surveys,
            Attachments attachments, MessageSource texts, Clock clock, CaseNotes notes, AccessLog accessLog) {
        this.accessLog = accessLog;
        this.notes = notes;
        this.attachments = attachments;
        this.messages = messages;
        this.funding = funding;
        this.permits = permits;
        this.partners = partners;
        this.politics = politics;
        this.surveys = surveys;
        this.texts = texts;
        this.clock = clock;
        this.cases = cases;
        this.agreements = agreements;
        this.staff = staff;
        this.intake = intake;
        this.runtimeService = runtimeService;
    }

    /** When and why staff looked at the case, newest first, in the citizen's language, without staff names. */
    @Transactional(readOnly = true)
    public List<AccessLog.Lookup> staffLookups(String trackingToken, Locale locale) {
        return accessLog.lookupsOf(cases.caseNumberOfTrackingToken(trackingToken), locale);
    }

    @Transactional(readOnly = true)
    public CitizenCaseView status(String trackingToken) {
        CaseView view = cases.viewByTrackingToken(trackingToken);
        return new CitizenCaseView(view.caseNumber(), view.title(), view.stage(), view.outcome(), view.submittedAt(),
                view.closedAt(), view.progressPercent(), intake.openQuestion(view.caseNumber()).orElse(null),
                contactPerson(view),
                agreements.of(view.caseNumber()).orElse(null),
                view.timeline().stream().filter(CaseView.TimelineEntry::visibleToCitizen)
                        .map(entry -> new CitizenCaseView.Entry(entry.type(), entry.occurredAt(),
                                DETAIL_FOR_CITIZEN.contains(entry.type()) ? entry.detail() : null,
                                entry.relatedCaseNumber()))
                        .toList(),
                messages.thread(view.caseNumber()));
    }

    /** The tracking page: the citizen's view and the support plan's tracks, in one read. */
    @Transactional(readOnly = true)
    TrackingPage trackingPage(String trackingToken) {
        CitizenCaseView view = status(trackingToken);
        String caseNumber = view.caseNumber();
        String closingMessage = null;
        for (CitizenCaseView.Entry entry : view.timeline()) {
            if (entry.detail() != null && (entry.type() == CaseEventType.CLOSED
                    || entry.type() == CaseEventType.REDIRECTED)) {
                closingMessage = entry.detail();
            }
        }
        return new TrackingPage(view, closingMessage, cases.latestMilestone(caseNumber).orElse(null),
                funding.forCase(caseNumber),
                permits.forCase(caseNumber), partners.forCase(caseNumber), politics.of(caseNumber).orElse(null),
                surveys.of(caseNumber).orElse(null), attachments.listFor(caseNumber));
    }

    /**
     * All data held about the case that concerns the citizen (the JSON download): timeline texts in the
     * citizen's language; staff user ids and staff-internal steps left out.
     */
    @Transactional(readOnly = true)
    CaseDataExport export(String trackingToken, Locale locale) {
        CaseView view = cases.viewByTrackingToken(trackingToken);
        String caseNumber = view.caseNumber();
        SubmissionDetails details = cases.submissionDetails(caseNumber);
        CitizenContact registration = cases.citizenContact(caseNumber);
        CitizenCaseView citizen = status(trackingToken);
        CitizenCaseView.ContactPerson contact = citizen.contactPerson();
        AgreementView agreement = citizen.agreement();
        return new CaseDataExport(texts.getMessage("portal.data.about", null, locale), clock.instant(), caseNumber,
                new CaseDataExport.Submission(view.title(), view.description(), view.topic(), view.district(),
                        cases.matchingFacts(caseNumber).helpWanted().stream().map(Enum::name).sorted().toList(),
                        name(details.applicantKind()), details.groupName(), details.estimatedBudget(),
                        details.expectedTimeline(), view.contactName(), view.contactEmail(), details.contactPhone(),
                        view.language(), details.publicationConsent(), name(details.profileAgeBand()),
                        details.profileDistrict(), details.citizenUserId(), view.submittedAt(),
                        registration.address(), registration.channel().name(), registration.registeredBy()),
                new CaseDataExport.Status(view.stage().name(), name(view.outcome()), view.progressPercent(),
                        view.closedAt()),
                contact == null ? null : new CaseDataExport.Contact(contact.name(), contact.email(), contact.phone()),
                agreement == null ? null : new CaseDataExport.Agreement(agreement.willDo(), agreement.willNotDo(),
                        agreement.whoDoesWhat(), agreement.nextSteps(), agreement.recordedAt()),
                citizen.timeline().stream().map(entry -> new CaseDataExport.TimelineEntry(entry.type().name(),
                        texts.getMessage("caseEvent." + entry.type().name(), null, entry.type().name(), locale),
                        entry.occurredAt(), entry.detail(), entry.relatedCaseNumber())).toList(),
                intake.requestsOf(caseNumber),
                citizen.messages().stream().map(message -> new CaseDataExport.Message(
                        message.fromCitizen() ? texts.getMessage("portal.data.you", null, locale) : message.authorName(),
                        message.body(), message.sentAt())).toList(),
                funding.forCase(caseNumber).stream().map(f -> new CaseDataExport.Funding(f.poolName(),
                        f.amountRequested(), f.purpose(), f.status().name(), f.amountGranted(), f.decisionReason(),
                        f.proposedAt(), f.decidedAt())).toList(),
                permits.forCase(caseNumber).stream().map(p -> new CaseDataExport.Permit(p.kind(), p.status().name(),
                        p.dueDate(), p.reason(), p.decidedAt())).toList(),
                partners.forCase(caseNumber).stream().map(p -> new CaseDataExport.Partner(p.partnerName(),
                        p.kind().name(), p.contact(), p.note(), p.linkedAt())).toList(),
                politics.of(caseNumber).map(p -> new CaseDataExport.Political(p.committee(), p.forwardedAt(),
                        p.decision(), p.decidedOn())).orElse(null),
                surveys.of(caseNumber).orElse(null),
                attachments.listFor(caseNumber).stream().map(a -> new CaseDataExport.Attachment(a.fileName(),
                        a.contentType(), a.sizeBytes(), a.sha256())).toList(),
                notes.of(caseNumber).stream().map(note -> new CaseDataExport.Note(note.authorName(), note.body(),
                        note.writtenAt())).toList(),
                accessLog.lookupsOf(caseNumber, locale));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /**
     * Shown once the contact person has taken the case, not while it is only proposed: also not after a
     * withdrawal or closing of a case that nobody had accepted yet.
     */
    private CitizenCaseView.ContactPerson contactPerson(CaseView view) {
        boolean accepted = view.timeline().stream()
                .anyMatch(entry -> entry.type() == CaseEventType.CONTACT_ASSIGNED);
        if (view.contactPerson() == null || !accepted || view.stage() == Stage.SUBMITTED
                || view.stage() == Stage.ACCEPTED || view.stage() == Stage.AWAITING_INFORMATION) {
            return null;
        }
        return staff.byUserId(view.contactPerson())
                .map(member -> new CitizenCaseView.ContactPerson(member.displayName(), member.email(), member.phone()))
                .orElse(null);
    }

    /** Whether the citizen allows the showcase to show the case (they can withdraw it at any time). */
    @Transactional(readOnly = true)
    public boolean publicationConsent(String trackingToken) {
        return cases.submissionDetails(cases.caseNumberOfTrackingToken(trackingToken)).publicationConsent();
    }

    /** Withdraws the consent to the showcase; the case leaves it at once. Returns whether consent had been given. */
    public boolean withdrawPublicationConsent(String trackingToken) {
        return cases.withdrawPublicationConsent(trackingToken);
    }

    public void answer(String trackingToken, String answer) {
        intake.answer(trackingToken, answer);
    }

    /**
     * Withdraws the initiative: the process' withdrawal event ends every open task and timer; a case
     * whose process has already ended (accepted, waiting for the next stage) is closed directly.
     */
    public void withdraw(String trackingToken) {
        String caseNumber = cases.caseNumberOfTrackingToken(trackingToken);
        boolean running = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(InitiativeProcess.KEY).processInstanceBusinessKey(caseNumber).count() > 0;
        if (running) {
            runtimeService.createMessageCorrelation(InitiativeProcess.MESSAGE_WITHDRAWN)
                    .processInstanceBusinessKey(caseNumber).correlate();
        } else {
            cases.withdraw(caseNumber);
        }
    }

    void recordWithdrawal(String caseNumber) {
        cases.withdraw(caseNumber);
    }
}
