package dk.initiativ.permits;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import dk.initiativ.initiative.CaseClosedException;
import dk.initiativ.initiative.CaseNotFoundException;
import dk.initiativ.initiative.Cases;
import dk.initiativ.process.DeadlineProperties;
import dk.initiativ.process.WorkingDayCalendar;
import dk.initiativ.web.ConflictException;
import dk.initiativ.web.FieldProblemException;
import dk.initiativ.web.ForbiddenException;
import dk.initiativ.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The permit checklist of a case: each permit the initiative needs is routed to the department (a Camunda
 * group) that decides it, with a deadline of {@code initiativ.deadlines.permit-decision} working days (10
 * unless configured), and only that department (or an administrator) decides it.
 */
@Service
@Transactional
public class PermitRequirements {

    /** The group whose members may decide every department's permits. */
    public static final String ADMIN_GROUP = "admin";

    /** The time of day on the due date by which a department decides: end of office hours. */
    public static final LocalTime DUE_TIME = LocalTime.of(16, 0);

    static final int KIND_MAX_LENGTH = 120;
    static final int REASON_MAX_LENGTH = 4000;
    static final Pattern DEPARTMENT_GROUP = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");

    private static final Logger log = LoggerFactory.getLogger(PermitRequirements.class);

    private final PermitRequirementRepository permits;
    private final Cases cases;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final int decisionDays;
    private final ZoneId zone;
    private final Departments departments;
    private final PermitTypes types;

    PermitRequirements(PermitRequirementRepository permits, Cases cases, WorkingDayCalendar calendar, Clock clock,
            DeadlineProperties deadlines, Departments departments, PermitTypes types) {
        this.departments = departments;
        this.types = types;
        this.permits = permits;
        this.cases = cases;
        this.calendar = calendar;
        this.clock = clock;
        this.decisionDays = deadlines.permitDecision();
        this.zone = deadlines.zone();
    }

    /**
     * Adds a permit the case needs, due {@code initiativ.deadlines.permit-decision} working days after today
     * (in the municipality's calendar). Not offered to other modules: a case plans its permits from permit types
     * only ({@link #requireType}, ADR 0045); this is the row free-text permits had, and the deciding, counting and
     * showing of such rows (old cases keep theirs) is tested through it.
     *
     * @param kind            what permit, e.g. "Brug af offentlig vej"; at most 120 characters
     * @param departmentGroup the Camunda group of the deciding department, e.g. {@code vej-park}
     * @return the new requirement's id
     * @throws FieldProblemException field {@code kind} (missing, too long) or {@code departmentGroup}
     *                               (missing, not a group id, not a configured department)
     * @throws CaseClosedException   the case is closed
     * @throws CaseNotFoundException no such case
     */
    long require(String caseNumber, String kind, String departmentGroup, String actor) {
        Objects.requireNonNull(actor, "actor");
        long initiativeId = cases.lockOpen(caseNumber);
        if (kind == null || kind.isBlank()) {
            throw new FieldProblemException("kind", "permit.kind.required");
        }
        String permitKind = kind.strip();
        if (permitKind.length() > KIND_MAX_LENGTH) {
            throw new FieldProblemException("kind", "permit.kind.size");
        }
        if (departmentGroup == null || departmentGroup.isBlank()) {
            throw new FieldProblemException("departmentGroup", "permit.departmentGroup.required");
        }
        String group = departmentGroup.strip();
        if (!DEPARTMENT_GROUP.matcher(group).matches()) {
            throw new FieldProblemException("departmentGroup", "permit.departmentGroup.invalid");
        }
        if (!departments.isActiveDepartment(group)) {
            // a typo would make a task that nobody can reach
            throw new FieldProblemException("departmentGroup", "permit.departmentGroup.unknown");
        }
        LocalDate due = calendar.addWorkingDays(today(), decisionDays);
        PermitRequirement permit = permits.saveAndFlush(
                new PermitRequirement(initiativeId, permitKind, group, due, actor, now()));
        log.info("Case {} needs permit {} ({}) from {}, due {}", caseNumber, permit.getId(), permitKind, group, due);
        return permit.getId();
    }

    /**
     * Adds a permit of a type (ADR 0040): it goes to the type's department, due the type's decision deadline in
     * working days after today (in the municipality's calendar); its label is the type's Danish name.
     *
     * @param typeCode an offered type's code: active, of an active department
     * @return the new requirement's id
     * @throws FieldProblemException field {@code permitType}: missing, unknown, retired or of a retired department
     * @throws CaseClosedException   the case is closed
     * @throws CaseNotFoundException no such case
     */
    public long requireType(String caseNumber, String typeCode, String actor) {
        Objects.requireNonNull(actor, "actor");
        long initiativeId = cases.lockOpen(caseNumber);
        if (typeCode == null || typeCode.isBlank()) {
            throw new FieldProblemException("permitType", "admin.permits.plan.typeRequired");
        }
        PermitTypes.PermitType type = types.find(typeCode.strip())
                .filter(found -> found.active() && departments.isActiveDepartment(found.departmentGroup()))
                .orElseThrow(() -> new FieldProblemException("permitType", "admin.permits.plan.typeUnknown"));
        LocalDate due = calendar.addWorkingDays(today(), type.decisionDays());
        PermitRequirement permit = permits.saveAndFlush(new PermitRequirement(initiativeId, type.nameDa(), type.code(),
                type.departmentGroup(), due, actor, now()));
        log.info("Case {} needs permit {} of type {} from {}, due {}", caseNumber, permit.getId(), type.code(),
                type.departmentGroup(), due);
        return permit.getId();
    }

    /** What the reader calls the permit: its type's name in their language, or its label (ADR 0040). */
    @Transactional(readOnly = true)
    public String label(PermitView permit, Locale locale) {
        return types.label(permit, locale);
    }

    /** The ids of the case's permits that wait for a decision, in the order they were added. */
    @Transactional(readOnly = true)
    public List<Long> openIds(String caseNumber) {
        return permits.findOpenIds(cases.idOf(caseNumber));
    }

    /**
     * The Camunda group of the department that decides the permit.
     *
     * @throws NotFoundException no such permit requirement
     */
    @Transactional(readOnly = true)
    public String departmentOf(long permitId) {
        return find(permitId).getDepartmentGroup();
    }

    /**
     * When the department's decision is due: {@link #DUE_TIME 16:00} (end of office hours) on the due date,
     * Copenhagen time; as a {@link Date} for a user task's due date.
     *
     * @throws NotFoundException no such permit requirement
     */
    @Transactional(readOnly = true)
    public Date dueOf(long permitId) {
        return Date.from(find(permitId).getDueDate().atTime(DUE_TIME).atZone(zone).toInstant());
    }

    /**
     * Records the department's decision on a permit.
     *
     * @param reason        the reason for the citizen: required with a refusal, optional with an approval;
     *                      at most 4000 characters
     * @param officerGroups the officer's groups: the permit's department group or {@value #ADMIN_GROUP}
     * @throws NotFoundException     no such permit requirement
     * @throws ForbiddenException    the officer is not in the permit's department group nor an administrator
     * @throws ConflictException     the permit is decided already
     * @throws FieldProblemException field {@code reason}: missing with a refusal, or too long
     */
    public PermitView decide(long permitId, boolean approved, String reason, String officer,
            Collection<String> officerGroups) {
        Objects.requireNonNull(officer, "officer");
        PermitRequirement permit = permits.findForDecision(permitId)
                .orElseThrow(() -> new NotFoundException("No permit requirement " + permitId));
        Collection<String> groups = officerGroups == null ? List.of() : officerGroups;
        if (!groups.contains(permit.getDepartmentGroup()) && !groups.contains(ADMIN_GROUP)) {
            throw new ForbiddenException(officer + " is not in group " + permit.getDepartmentGroup()
                    + " and may not decide permit requirement " + permitId);
        }
        if (!permit.isRequired()) {
            throw new ConflictException("conflict.permitDecided",
                    "Permit requirement " + permitId + " is " + permit.getStatus() + " already");
        }
        String text = reason == null || reason.isBlank() ? null : reason.strip();
        if (text == null && !approved) {
            throw new FieldProblemException("reason", "permit.reason.required");
        }
        if (text != null && text.length() > REASON_MAX_LENGTH) {
            throw new FieldProblemException("reason", "permit.reason.size");
        }
        permit.decide(approved, text, officer, now());
        log.info("Permit requirement {} {} by {}", permitId, approved ? "approved" : "refused", officer);
        return permit.toView();
    }

    /** The case's permit requirements decided by one of the departments, in the order they were added. */
    @Transactional(readOnly = true)
    public List<PermitView> forCase(String caseNumber, Collection<String> departmentGroups) {
        return forCase(caseNumber).stream().filter(permit -> departmentGroups.contains(permit.departmentGroup()))
                .toList();
    }

    /** The case's permit requirements in the order they were added. */
    @Transactional(readOnly = true)
    public List<PermitView> forCase(String caseNumber) {
        return permits.findByInitiativeIdOrderByIdAsc(cases.idOf(caseNumber)).stream()
                .map(PermitRequirement::toView).toList();
    }

    private PermitRequirement find(long permitId) {
        return permits.findById(permitId)
                .orElseThrow(() -> new NotFoundException("No permit requirement " + permitId));
    }

    /** Now, to the microsecond the database keeps: what is returned is what was stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
