package dk.initiativ.initiative;

import java.time.Clock;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dk.initiativ.process.CaseTitles;
import dk.initiativ.process.ProcessActors;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case aggregate's public face: other features read cases and move them through their stages
 * here, and every move writes its timeline entry.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class Cases implements CaseTitles {

    /** The actor of what the citizen does on the tracking page. */
    public static final String CITIZEN = "citizen";

    private final InitiativeRepository initiatives;
    private final CaseEventRepository events;
    private final TrackingTokens trackingTokens;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    private final EntityManager entityManager;

    Cases(InitiativeRepository initiatives, CaseEventRepository events, TrackingTokens trackingTokens, Clock clock,
            ApplicationEventPublisher publisher, EntityManager entityManager) {
        this.publisher = publisher;
        this.entityManager = entityManager;
        this.trackingTokens = trackingTokens;
        this.initiatives = initiatives;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public CaseView view(String caseNumber) {
        return toView(require(caseNumber));
    }

    /**
     * The case as {@link #view} has it, but its timeline is read only when first used, within the caller's
     * transaction: for a caller that mostly reads none of it (the citizen's milestone mail, e.g. the receipt of a new
     * submission), one SELECT less.
     */
    @Transactional(readOnly = true)
    public CaseView viewTimelineWhenUsed(String caseNumber) {
        Initiative initiative = require(caseNumber);
        return toView(initiative, new LazyList<>(() -> timeline(initiative.getId())));
    }

    @Transactional(readOnly = true)
    public CaseView viewByTrackingToken(String token) {
        return toView(byTrackingToken(token));
    }

    @Transactional(readOnly = true)
    public String caseNumberOfTrackingToken(String token) {
        return byTrackingToken(token).getCaseNumber();
    }

    /**
     * The citizen's tracking token of a case, for links in e-mails to them; empty for a case stored
     * before tokens were derived (ADR 0005).
     */
    @Transactional(readOnly = true)
    public Optional<String> trackingTokenOf(String caseNumber) {
        return trackingTokens.tokenFor(require(caseNumber));
    }

    /**
     * The short code printed on the receipt of a case staff registered (ADR 0023), as printed ({@code K7QM-3XRT-9HCD});
     * empty for a case the citizen sent themselves (their link came by e-mail) or one stored without a salt.
     */
    @Transactional(readOnly = true)
    public Optional<String> trackingCodeOf(String caseNumber) {
        Initiative initiative = require(caseNumber);
        return initiative.getRegisteredBy() == null ? Optional.empty()
                : trackingTokens.codeFor(initiative).map(TrackingTokens::printedCode);
    }

    /**
     * The tracking token of the case with this number whose printed short code was typed (ADR 0023): empty when the
     * case does not exist, was not registered by staff, or the code is not its code. The caller limits the attempts.
     */
    @Transactional(readOnly = true)
    public Optional<String> trackingTokenOfCode(String caseNumber, String typedCode) {
        String code = TrackingTokens.normalizedCode(typedCode);
        if (caseNumber == null || code == null) {
            return Optional.empty();
        }
        return initiatives.findByCaseNumber(caseNumber)
                .filter(initiative -> initiative.getRegisteredBy() != null)
                .filter(initiative -> trackingTokens.codeMatches(initiative, code))
                .flatMap(trackingTokens::tokenFor);
    }

    /** How the case's citizen is reached (e-mail, or phone or letter only) and how the case came in. */
    @Transactional(readOnly = true)
    public CitizenContact citizenContact(String caseNumber) {
        Initiative i = require(caseNumber);
        return new CitizenContact(i.getContactEmail(), i.getContactPhone(), i.getContactAddress(), i.getChannel(),
                i.getRegisteredBy(), i.isOpen());
    }

    /** The case's title, for the names of its tasks in Tasklist (process/CaseTaskNames). */
    @Override
    @Transactional(readOnly = true)
    public Optional<String> titleOf(String caseNumber) {
        return find(caseNumber).map(Initiative::getTitle);
    }

    /** What the citizen told us beyond title and description: budget, timeline, group, profile answers. */
    @Transactional(readOnly = true)
    public SubmissionDetails submissionDetails(String caseNumber) {
        Initiative i = require(caseNumber);
        return new SubmissionDetails(i.getEstimatedBudget(), i.getExpectedTimeline(), i.getApplicantKind(),
                i.getGroupName(), i.getContactPhone(), i.isPublicationConsent(), i.getProfileAgeBand(),
                i.getProfileDistrict(), i.getCitizenUserId());
    }

    /** The cases a logged-in citizen submitted, newest first, with their tracking tokens ("my initiatives"). */
    @Transactional(readOnly = true)
    public List<CitizenCaseSummary> ofCitizen(String citizenUserId) {
        return initiatives.findByCitizenUserIdOrderBySubmittedAtDesc(citizenUserId).stream()
                .map(i -> new CitizenCaseSummary(i.getCaseNumber(), i.getTitle(), i.getStage(), i.getOutcome(),
                        i.getSubmittedAt(), trackingTokens.tokenFor(i).orElse(null)))
                .toList();
    }

    /** The case a public form's one-time key created, if any (a double click or a refresh posts it again). */
    @Transactional(readOnly = true)
    public Optional<String> caseNumberOfSubmissionKey(String submissionKey) {
        return initiatives.findBySubmissionKey(submissionKey).map(Initiative::getCaseNumber);
    }

    @Transactional(readOnly = true)
    public boolean exists(String caseNumber) {
        return find(caseNumber).isPresent();
    }

    /**
     * Takes the case's row lock for the rest of the transaction: one writer per case at a time, so that
     * two people acting on the same case queue up instead of deadlocking on its rows.
     */
    public void lock(String caseNumber) {
        initiatives.lockByCaseNumber(caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber));
    }

    /**
     * Takes the case's row lock (as {@link #lock}) and refuses work on a closed case: what every change to an
     * open case starts with.
     *
     * @return the case's id
     * @throws CaseClosedException   the case is closed (409)
     * @throws CaseNotFoundException no such case
     */
    public long lockOpen(String caseNumber) {
        Initiative initiative = initiatives.lockByCaseNumber(caseNumber)
                .orElseThrow(() -> new CaseNotFoundException(caseNumber));
        if (!initiative.isOpen()) {
            throw new CaseClosedException(caseNumber);
        }
        return initiative.getId();
    }

    public Long idOf(String caseNumber) {
        return require(caseNumber).getId();
    }

    public void awaitInformation(String caseNumber, String actor, String question) {
        Initiative initiative = require(caseNumber);
        initiative.awaitInformation();
        record(initiative, CaseEventType.INFORMATION_REQUESTED, actor, question, null);
    }

    public void informationReminderDue(String caseNumber) {
        record(require(caseNumber), CaseEventType.INFORMATION_REMINDER, ProcessActors.SYSTEM, null, null);
    }

    /**
     * The citizen answered intake's question: back to screening. The answer is the event's detail, so that the
     * dossier's timeline shows intake what the citizen wrote (the information request keeps it too).
     */
    public void informationProvided(String caseNumber, String answer) {
        Initiative initiative = require(caseNumber);
        initiative.resumeScreening();
        record(initiative, CaseEventType.INFORMATION_PROVIDED, CITIZEN, answer, null);
    }

    public void accept(String caseNumber, String actor) {
        Initiative initiative = require(caseNumber);
        initiative.accept();
        record(initiative, CaseEventType.ACCEPTED, actor, null, null);
    }

    public void redirect(String caseNumber, String actor, String reason) {
        Initiative initiative = require(caseNumber);
        initiative.close(Outcome.REDIRECTED, clock.instant());
        record(initiative, CaseEventType.REDIRECTED, actor, reason, null);
    }

    /** Closes the case as a duplicate of the original and links both ways on the timelines. */
    public void markDuplicate(String caseNumber, String originalCaseNumber, String actor) {
        Initiative duplicate = require(caseNumber);
        Initiative original = require(originalCaseNumber);
        duplicate.markDuplicateOf(original, clock.instant());
        record(duplicate, CaseEventType.MARKED_DUPLICATE, actor, null, original.getCaseNumber());
        record(original, CaseEventType.DUPLICATE_LINKED, actor, null, duplicate.getCaseNumber());
    }

    public void withdraw(String caseNumber) {
        Initiative initiative = require(caseNumber);
        initiative.close(Outcome.WITHDRAWN, clock.instant());
        record(initiative, CaseEventType.WITHDRAWN, CITIZEN, null, null);
    }

    public void closeAsInactive(String caseNumber) {
        Initiative initiative = require(caseNumber);
        initiative.close(Outcome.INACTIVE, clock.instant());
        record(initiative, CaseEventType.CLOSED_INACTIVE, ProcessActors.SYSTEM, null, null);
    }

    /** The open cases each contact person carries now: their workload. */
    @Transactional(readOnly = true)
    public Map<String, Long> openCasesByContactPerson() {
        return initiatives.countOpenCasesByContactPerson().stream()
                .collect(Collectors.toMap(row -> (String) row[0], row -> (Long) row[1]));
    }

    /** The case numbers of the open cases a contact person carries, in case number order. */
    @Transactional(readOnly = true)
    public List<String> openCasesOf(String userId) {
        return initiatives.findOpenCaseNumbersByContactPerson(userId);
    }

    /** The process' matching facts of a case: topic, district and the help wanted as codes. */
    @Transactional(readOnly = true)
    public MatchingFacts matchingFacts(String caseNumber) {
        Initiative initiative = require(caseNumber);
        return new MatchingFacts(initiative.getTopic(), initiative.getDistrict(), initiative.getHelpWanted());
    }

    /** The last {@code limit} submitted cases that got a team, newest first (the matching rules' dry run). */
    @Transactional(readOnly = true)
    public List<MatchedCase> lastMatched(int limit) {
        return initiatives.findLatestWithTeam(PageRequest.of(0, limit)).stream()
                .map(i -> new MatchedCase(i.getCaseNumber(), new MatchingFacts(i.getTopic(), i.getDistrict(),
                        i.getHelpWanted()), i.getTeamCode()))
                .toList();
    }

    public void proposeContactPerson(String caseNumber, String teamCode, String userId, String actor) {
        Initiative initiative = require(caseNumber);
        initiative.assignContactPerson(teamCode, userId);
        record(initiative, CaseEventType.CONTACT_PROPOSED, actor, null, null);
    }

    public void contactPersonDeclined(String caseNumber, String actor, String reason) {
        record(require(caseNumber), CaseEventType.CONTACT_DECLINED, actor, reason, null);
    }

    public void matchEscalated(String caseNumber, String manager) {
        record(require(caseNumber), CaseEventType.MATCH_ESCALATED, ProcessActors.SYSTEM, manager, null);
    }

    /** The contact person took the case (or a manager put it on them): the citizen sees who. */
    public void contactPersonAssigned(String caseNumber, String userId, String actor) {
        Initiative initiative = require(caseNumber);
        initiative.assignContactPerson(initiative.getTeamCode(), userId);
        initiative.matched();
        record(initiative, CaseEventType.CONTACT_ASSIGNED, actor, null, null);
    }

    /**
     * A manager put the case on another contact person; the stage stays. Before anyone accepted the case the
     * citizen had no contact person to change, so the entry is not on their timeline (nor in a mail to them).
     */
    public void contactPersonReassigned(String caseNumber, String teamCode, String userId, String manager) {
        Initiative initiative = require(caseNumber);
        boolean citizenKnewOne = initiative.getStage() == Stage.MATCHED || initiative.getStage() == Stage.AGREED;
        initiative.assignContactPerson(teamCode, userId);
        CaseEvent event = new CaseEvent(initiative.getId(), CaseEventType.CONTACT_REASSIGNED, clock.instant(), manager,
                null, null);
        record(citizenKnewOne ? event : event.hiddenFromCitizen(), caseNumber);
    }

    public void agreementRecorded(String caseNumber, String actor) {
        Initiative initiative = require(caseNumber);
        initiative.agreed();
        record(initiative, CaseEventType.AGREEMENT_RECORDED, actor, null, null);
    }

    /** A follow-up check-in: the progress and the latest milestone, which the citizen sees. */
    public void progressRecorded(String caseNumber, int percent, String milestone, String actor) {
        Initiative initiative = require(caseNumber);
        initiative.recordProgress(percent);
        record(CaseEvent.progress(initiative.getId(), clock.instant(), actor, percent, milestone), caseNumber);
    }

    /** The milestone of the case's latest follow-up, if any. */
    @Transactional(readOnly = true)
    public Optional<String> latestMilestone(String caseNumber) {
        return events.findFirstByInitiativeIdAndTypeOrderByOccurredAtDescIdDesc(require(caseNumber).getId(),
                CaseEventType.PROGRESS_RECORDED).map(CaseEvent::getMilestone);
    }

    /** The case number of a case known by its id (features that keep only the id). */
    @Transactional(readOnly = true)
    public String caseNumberOf(long initiativeId) {
        return initiatives.findById(initiativeId).map(Initiative::getCaseNumber)
                .orElseThrow(() -> new CaseNotFoundException("with id " + initiativeId));
    }

    /** Refuses work on a closed case (409). */
    public void requireOpen(String caseNumber) {
        if (!require(caseNumber).isOpen()) {
            throw new CaseClosedException(caseNumber);
        }
    }

    /** Any support-plan milestone (funding, permits, partners, political decision) with its plain-text detail. */
    public void supportMilestone(String caseNumber, CaseEventType type, String detail, String actor) {
        record(require(caseNumber), type, actor, detail, null);
    }

    /** The contact person closes the case with its outcome and a message to the citizen. */
    public void closeWithOutcome(String caseNumber, Outcome outcome, String message, String actor) {
        Initiative initiative = require(caseNumber);
        initiative.close(outcome, clock.instant());
        record(initiative, CaseEventType.CLOSED, actor, message, null);
    }

    /** The citizen answered the evaluation survey of a closed case. */
    public void surveyAnswered(String caseNumber) {
        record(require(caseNumber), CaseEventType.SURVEY_ANSWERED, CITIZEN, null, null);
    }

    /**
     * The showcase: realised and partly realised initiatives whose citizen agreed to publication, most
     * recently closed first, in one district or ({@code district} null) in all. Never the citizen's name or
     * contact data.
     */
    @Transactional(readOnly = true)
    public PublishedInitiatives published(String district, int page, int size) {
        var found = initiatives.findPublished(List.of(Outcome.REALISED, Outcome.PARTLY_REALISED), district,
                PageRequest.of(page, size));
        return new PublishedInitiatives(found.getContent().stream()
                .map(i -> new PublishedInitiatives.Entry(i.getTitle(), i.getDescription(), i.getTopic(),
                        i.getDistrict(), i.getOutcome(), i.getClosedAt()))
                .toList(), found.getTotalElements());
    }

    /**
     * The citizen withdrew their consent to the showcase (ADR 0032): the case leaves the showcase at once, whatever
     * its stage. Returns whether consent had been given.
     */
    public boolean withdrawPublicationConsent(String trackingToken) {
        Initiative initiative = byTrackingToken(trackingToken);
        boolean given = initiative.isPublicationConsent();
        initiative.withdrawPublicationConsent();
        return given;
    }

    /** Whether the case's personal data has been removed (ADR 0032). */
    @Transactional(readOnly = true)
    public boolean isAnonymised(String caseNumber) {
        return require(caseNumber).isAnonymised();
    }

    /**
     * An admin erases the case's personal data at the citizen's request (ADR 0032): an open case is closed as
     * withdrawn, with the admin as the actor (its process has been ended by the caller), and no e-mail announces it.
     * A closed case stays as it is.
     * Returns whether the case was open.
     */
    public boolean closeForErasure(String caseNumber, String admin) {
        Initiative initiative = require(caseNumber);
        if (!initiative.isOpen()) {
            return false;
        }
        initiative.close(Outcome.WITHDRAWN, clock.instant());
        CaseEvent event = new CaseEvent(initiative.getId(), CaseEventType.WITHDRAWN, clock.instant(), admin, null, null);
        events.save(event);
        // the dashboard's projections follow the closure; no mail goes to anyone about a case being erased
        publisher.publishEvent(new CaseEventRecorded(initiative.getId(), caseNumber, event.getType(), event.getActor(),
                null, null, false, event.getOccurredAt()));
        return true;
    }

    void record(Initiative initiative, CaseEventType type, String actor, String detail, String relatedCaseNumber) {
        CaseEvent event = new CaseEvent(initiative.getId(), type, clock.instant(), actor, detail, relatedCaseNumber);
        // a submission's first event carries what its new row holds, so that no listener reads the row back
        CaseEventRecorded.SubmittedCase submitted = type != CaseEventType.SUBMITTED ? null
                : new CaseEventRecorded.SubmittedCase(initiative.getSubmittedAt(),
                        initiative.getProfileAgeBand() == null ? null : initiative.getProfileAgeBand().name(),
                        initiative.getProfileDistrict());
        record(event, initiative.getCaseNumber(), submitted);
    }

    private void record(CaseEvent event, String caseNumber) {
        record(event, caseNumber, null);
    }

    private void record(CaseEvent event, String caseNumber, CaseEventRecorded.SubmittedCase submitted) {
        events.save(event);
        publisher.publishEvent(new CaseEventRecorded(event.getInitiativeId(), caseNumber, event.getType(),
                event.getActor(), event.getDetail(), event.getRelatedCaseNumber(), true, event.getOccurredAt(),
                submitted));
    }

    private Initiative require(String caseNumber) {
        return find(caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber));
    }

    /**
     * The case by its number, as a natural id: a case this transaction already holds (the one a submission has just
     * stored, read again by its task's name and its receipt e-mail) comes from the persistence context without a
     * statement.
     */
    private Optional<Initiative> find(String caseNumber) {
        return caseNumber == null ? Optional.empty()
                : entityManager.unwrap(Session.class).bySimpleNaturalId(Initiative.class).loadOptional(caseNumber);
    }

    private Initiative byTrackingToken(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw new CaseNotFoundException("for that tracking link");
        }
        Initiative initiative = initiatives.findByTrackingTokenHash(TrackingTokens.hash(token))
                .orElseThrow(() -> new CaseNotFoundException("for that tracking link"));
        if (initiative.isAnonymised()) {
            throw new CaseAnonymisedException();
        }
        return initiative;
    }

    private CaseView toView(Initiative i) {
        return toView(i, timeline(i.getId()));
    }

    private List<CaseView.TimelineEntry> timeline(long initiativeId) {
        return events.findByInitiativeIdOrderByOccurredAtAscIdAsc(initiativeId).stream()
                .map(e -> new CaseView.TimelineEntry(e.getType(), e.getOccurredAt(), e.getActor(),
                        e.isVisibleToCitizen(), e.getDetail(), e.getRelatedCaseNumber()))
                .toList();
    }

    /** A read-only list loaded on first use. */
    private static final class LazyList<T> extends AbstractList<T> {

        private final Supplier<List<T>> loader;
        private List<T> loaded;

        LazyList(Supplier<List<T>> loader) {
            this.loader = loader;
        }

        private List<T> loaded() {
            if (loaded == null) {
                loaded = loader.get();
            }
            return loaded;
        }

        @Override
        public T get(int index) {
            return loaded().get(index);
        }

        @Override
        public int size() {
            return loaded().size();
        }
    }

    private CaseView toView(Initiative i, List<CaseView.TimelineEntry> timeline) {
        return new CaseView(i.getId(), i.getCaseNumber(), i.getTitle(), i.getDescription(), i.getTopic(),
                i.getDistrict(), i.getContactName(), i.getContactEmail(), i.getLanguage(), i.getStage(),
                i.getOutcome(), i.getSubmittedAt(), i.getClosedAt(), i.getDuplicateOfCaseNumber(), i.getTeamCode(),
                i.getContactPerson(), i.getProgressPercent(), timeline);
    }
}
