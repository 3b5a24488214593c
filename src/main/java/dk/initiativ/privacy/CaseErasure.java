package dk.initiativ.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dk.initiativ.initiative.Cases;
import dk.initiativ.web.ConflictException;
import dk.initiativ.web.FieldProblemException;
import dk.initiativ.web.ForbiddenException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasure on request (GDPR art. 17, ADR 0032): an admin removes a case's personal data now, open or closed, with a
 * reason. An open case's process instances are deleted as erased (no listener runs, no mail leaves) and the
 * case is closed as withdrawn with the admin as actor; then the case is anonymised exactly as the retention job does
 * it, and what the showcase published with consent goes as well. The erasure is kept in {@code case_erasure} (who, when, why, whether the case was open) and as a
 * {@code CHANGE} record in the access log. All in one transaction: nothing is half erased.
 */
@Service
public class CaseErasure {

    /** The engine's delete reason of an erased case's process instances (the admin's reason is in case_erasure). */
    static final String DELETE_REASON = "erased on request";

    /** The reason's longest length (the column's). */
    public static final int REASON_MAX = 500;

    /** An erasure as the admin's page shows it. */
    public record Erased(String caseNumber, Instant at, String by, String reason, boolean wasOpen) {
    }

    private final Cases cases;
    private final RuntimeService runtime;
    private final CaseAnonymiser anonymiser;
    private final AccessLog accessLog;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    CaseErasure(Cases cases, RuntimeService runtime, CaseAnonymiser anonymiser, AccessLog accessLog,
            JdbcTemplate jdbc, Clock clock) {
        this.cases = cases;
        this.runtime = runtime;
        this.anonymiser = anonymiser;
        this.accessLog = accessLog;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Erases the case now, as the request's authenticated admin.
     *
     * @throws ForbiddenException                              the user is not an admin
     * @throws FieldProblemException                           field {@code reason}: empty or too long
     * @throws dk.initiativ.initiative.CaseNotFoundException   no such case
     * @throws ConflictException                               the case was erased already (a case the job
     *                                                         anonymised may still be erased: its published
     *                                                         title and description go, and the erasure is kept)
     */
    @Transactional
    public Erased erase(String caseNumber, String reason) {
        Reader admin = Reader.current();
        if (!admin.groups().contains("admin")) {
            throw new ForbiddenException(admin.userId() + " may not erase a case");
        }
        String problem = reasonProblem(reason);
        if (problem != null) {
            throw new FieldProblemException("reason", problem);
        }
        String why = reason.strip();
        cases.lock(caseNumber);
        if (cases.isAnonymised(caseNumber) && erasureOf(caseNumber).isPresent()) {
            throw new ConflictException("privacy.erasure.error.already", caseNumber + " is erased already");
        }
        List<String> running = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list()
                .stream().map(ProcessInstance::getId).toList();
        if (!running.isEmpty()) {
            // no listener runs (they would write milestones and mails of a case that is being erased). The delete
            // reason names the erasure, not the admin's words: the engine's history is deleted in this transaction
            // anyway, and its tables are not utf8mb4 (an emoji in the reason would fail the erasure); the reason
            // itself is kept in case_erasure
            runtime.deleteProcessInstancesIfExists(running, DELETE_REASON, true, true, false);
        }
        boolean wasOpen = cases.closeForErasure(caseNumber, admin.userId());
        anonymiser.anonymise(caseNumber);
        // an erasure leaves nothing of the citizen's words, not even what the showcase published with consent
        anonymiser.unpublish(caseNumber);
        Instant now = clock.instant();
        jdbc.update("INSERT INTO case_erasure (case_number, erased_at, erased_by, reason, was_open)"
                + " VALUES (?, ?, ?, ?, ?)", caseNumber, Timestamp.from(now), admin.userId(), why, wasOpen);
        accessLog.erased(caseNumber);
        return new Erased(caseNumber, now, admin.userId(), why, wasOpen);
    }

    /** The message key of what is wrong with a reason, or null when it will do: required, at most 500 characters. */
    public static String reasonProblem(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            return "privacy.erasure.error.reason";
        }
        return why.length() > REASON_MAX ? "privacy.erasure.error.reasonLength" : null;
    }

    /** The erasure of a case, if it was erased on request. */
    @Transactional(readOnly = true)
    public Optional<Erased> of(String caseNumber) {
        return erasureOf(caseNumber);
    }

    private Optional<Erased> erasureOf(String caseNumber) {
        return jdbc.query("SELECT case_number, erased_at, erased_by, reason, was_open FROM case_erasure"
                + " WHERE case_number = ?", (rs, i) -> new Erased(rs.getString(1), rs.getTimestamp(2).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getBoolean(5)), caseNumber).stream().findFirst();
    }
}
