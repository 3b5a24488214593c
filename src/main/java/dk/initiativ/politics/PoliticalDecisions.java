package dk.initiativ.politics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

import dk.initiativ.initiative.CaseClosedException;
import dk.initiativ.initiative.CaseNotFoundException;
import dk.initiativ.initiative.Cases;
import dk.initiativ.process.DeadlineProperties;
import dk.initiativ.web.ConflictException;
import dk.initiativ.web.FieldProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The political track of a case's support plan: the contact person forwards the initiative to a committee
 * and records the committee's decision. A case has at most one undecided forwarding at a time; once the
 * decision is recorded it may be forwarded again (to another committee, say), and {@link #of} shows the
 * latest forwarding.
 */
@Service
@Transactional
public class PoliticalDecisions {

    static final int COMMITTEE_MAX_LENGTH = 120;
    static final int DECISION_MAX_LENGTH = 4000;

    private static final Logger log = LoggerFactory.getLogger(PoliticalDecisions.class);

    private final PoliticalDecisionRepository decisions;
    private final Cases cases;
    private final Clock clock;
    private final ZoneId zone;

    PoliticalDecisions(PoliticalDecisionRepository decisions, Cases cases, Clock clock, DeadlineProperties deadlines) {
        this.zone = deadlines.zone();
        this.decisions = decisions;
        this.cases = cases;
        this.clock = clock;
    }

    /**
     * Forwards the case to a committee.
     *
     * @param committee the committee's name, at most 120 characters
     * @throws FieldProblemException field {@code committee}: missing or too long
     * @throws ConflictException     the case is forwarded already and the committee has not decided yet
     * @throws CaseClosedException   the case is closed
     * @throws CaseNotFoundException no such case
     */
    public void forward(String caseNumber, String committee, String actor) {
        Objects.requireNonNull(actor, "actor");
        long initiativeId = cases.lockOpen(caseNumber);
        if (committee == null || committee.isBlank()) {
            throw new FieldProblemException("committee", "politics.committee.required");
        }
        String name = committee.strip();
        if (name.length() > COMMITTEE_MAX_LENGTH) {
            throw new FieldProblemException("committee", "politics.committee.size");
        }
        if (decisions.findFirstByInitiativeIdOrderByIdDesc(initiativeId).filter(d -> !d.isDecided()).isPresent()) {
            throw new ConflictException("conflict.politicsForwarded",
                    "Case " + caseNumber + " is forwarded already and waits for the committee's decision");
        }
        decisions.saveAndFlush(new PoliticalDecision(initiativeId, name, actor, now()));
        log.info("Case {} forwarded to committee {} by {}", caseNumber, name, actor);
    }

    /**
     * Records the committee's decision on the case's open forwarding. A closed case may still get its
     * decision recorded: a case can close as forwarded to the politicians before they decide.
     *
     * @param decidedOn the day the committee decided: not in the future, not before the forwarding
     * @throws ConflictException     the case is not forwarded, or its decision is recorded already
     * @throws FieldProblemException field {@code decision} (missing, longer than 4000 characters) or
     *                               {@code decidedOn} (missing, in the future, before the forwarding)
     * @throws CaseNotFoundException no such case
     */
    public void record(String caseNumber, String decision, LocalDate decidedOn, String actor) {
        Objects.requireNonNull(actor, "actor");
        cases.lock(caseNumber);
        PoliticalDecision forwarding = decisions.findFirstByInitiativeIdOrderByIdDesc(cases.idOf(caseNumber))
                .filter(d -> !d.isDecided())
                .orElseThrow(() -> new ConflictException("conflict.politicsNotForwarded",
                        "Case " + caseNumber + " has no forwarding that waits for a decision"));
        if (decision == null || decision.isBlank()) {
            throw new FieldProblemException("decision", "politics.decision.required");
        }
        String text = decision.strip();
        if (text.length() > DECISION_MAX_LENGTH) {
            throw new FieldProblemException("decision", "politics.decision.size");
        }
        if (decidedOn == null) {
            throw new FieldProblemException("decidedOn", "politics.decidedOn.required");
        }
        if (decidedOn.isAfter(LocalDate.now(clock.withZone(zone)))) {
            throw new FieldProblemException("decidedOn", "politics.decidedOn.future");
        }
        if (decidedOn.isBefore(LocalDate.ofInstant(forwarding.getForwardedAt(), zone))) {
            throw new FieldProblemException("decidedOn", "politics.decidedOn.beforeForwarding");
        }
        forwarding.record(text, decidedOn, actor, now());
        log.info("Political decision of {} on case {} recorded by {}", decidedOn, caseNumber, actor);
    }

    /** The case's latest forwarding and its decision, if the case was ever forwarded. */
    @Transactional(readOnly = true)
    public Optional<PoliticalDecisionView> of(String caseNumber) {
        return decisions.findFirstByInitiativeIdOrderByIdDesc(cases.idOf(caseNumber)).map(PoliticalDecision::toView);
    }

    /** Now, to the microsecond the database keeps: what is returned is what was stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
