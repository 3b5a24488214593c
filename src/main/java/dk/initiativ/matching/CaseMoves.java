package dk.initiativ.matching;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dk.initiativ.casework.CaseAccess;
import dk.initiativ.casework.StaffUser;
import dk.initiativ.identity.Role;
import dk.initiativ.initiative.CaseView;
import dk.initiativ.initiative.Cases;
import dk.initiativ.process.DeadlineProperties;
import dk.initiativ.web.ConflictException;
import dk.initiativ.web.FieldProblemException;
import dk.initiativ.web.ForbiddenException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A manager moves cases between contact persons: one case to a chosen person, or every open case of one person
 * (absence, leaving) spread over their team by workload ({@link CaseSpread}). Each move is the manager's
 * override ({@link ContactOverride}): a timeline event, the usual e-mails, the tasks follow; the reason is kept
 * as an internal note. Only the team's manager and admins may; a move of all cases is one transaction.
 */
@Service
public class CaseMoves {

    /** The longest reason, in characters. */
    static final int MAX_REASON = 2000;

    /** A person who may take cases, with their workload now. */
    public record Candidate(String userId, String displayName, String teamName, long openCases, int capacity,
            boolean absent) {
    }

    /** One case of the planned spread. */
    public record PlannedMove(String caseNumber, String title, String toUserId, String toName) {
    }

    private final ContactOverride override;
    private final StaffDirectory staff;
    private final Cases cases;
    private final CaseAccess access;
    private final Clock clock;
    private final DeadlineProperties deadlines;

    CaseMoves(ContactOverride override, StaffDirectory staff, Cases cases, CaseAccess access, Clock clock,
            DeadlineProperties deadlines) {
        this.override = override;
        this.staff = staff;
        this.cases = cases;
        this.access = access;
        this.clock = clock;
        this.deadlines = deadlines;
    }

    /** Whether the user may move this case (its team's manager, or an admin). */
    public boolean mayMove(StaffUser user, CaseView view) {
        return access.mayReassign(user, view);
    }

    /** Whether the user may move all cases of that person (the manager of the person's team, or an admin). */
    @Transactional(readOnly = true)
    public boolean mayMoveAllOf(StaffUser user, String userId) {
        Optional<StaffMember> member = staff.byUserId(userId);
        return member.isPresent() && (user.isIn(Role.ADMIN.groupId())
                || user.isIn(Role.MANAGER.groupId()) && staff.leads(user.userId(), member.get().teamCode()));
    }

    /** Everyone with a staff profile, by name, with their open cases against capacity. */
    @Transactional(readOnly = true)
    public List<Candidate> candidates() {
        Map<String, Long> open = cases.openCasesByContactPerson();
        LocalDate today = today();
        return staff.all().stream().map(member -> new Candidate(member.userId(), member.displayName(),
                member.teamName(), open.getOrDefault(member.userId(), 0L), member.capacity(),
                member.isAbsentOn(today))).toList();
    }

    /**
     * Moves one case.
     *
     * @throws ForbiddenException    the user is not the case's team manager nor an admin
     * @throws FieldProblemException {@code contactPerson} unknown or the present one; {@code reason} missing or too long
     */
    @Transactional
    public void moveOne(String caseNumber, String toUserId, String reason, StaffUser manager) {
        CaseView view = cases.view(caseNumber);
        if (!mayMove(manager, view)) {
            throw new ForbiddenException(manager.userId() + " may not move " + caseNumber);
        }
        String why = requireReason(reason);
        StaffMember member = staffMember(toUserId);
        if (member.userId().equals(view.contactPerson())) {
            throw new FieldProblemException("contactPerson", "caseMove.contactPerson.same");
        }
        cases.requireOpen(caseNumber);
        override.override(caseNumber, member.userId(), why, manager);
    }

    /** The planned spread of a person's open cases over the rest of their team (empty list: none to move). */
    @Transactional(readOnly = true)
    public Optional<List<PlannedMove>> plan(String fromUserId) {
        StaffMember from = staffMember(fromUserId);
        return spread(from).map(plan -> plan.entrySet().stream().map(move -> new PlannedMove(move.getKey(),
                cases.view(move.getKey()).title(), move.getValue(),
                staff.byUserId(move.getValue()).map(StaffMember::displayName).orElse(move.getValue()))).toList());
    }

    /**
     * Moves every open case of a person over the rest of their team, by workload, with one reason; all or
     * nothing.
     *
     * @return how many cases moved
     * @throws ForbiddenException    the user is not the manager of the person's team nor an admin
     * @throws FieldProblemException {@code reason} missing or too long
     * @throws ConflictException     the team has no room for every case
     */
    @Transactional
    public int moveAll(String fromUserId, String reason, StaffUser manager) {
        if (!mayMoveAllOf(manager, fromUserId)) {
            throw new ForbiddenException(manager.userId() + " may not move the cases of " + fromUserId);
        }
        String why = requireReason(reason);
        StaffMember from = staffMember(fromUserId);
        Map<String, String> plan = spread(from)
                .orElseThrow(() -> new ConflictException("conflict.teamFull", "No room in " + from.teamCode()));
        plan.forEach((caseNumber, toUserId) -> {
            cases.lock(caseNumber);
            override.override(caseNumber, toUserId, why, manager);
        });
        return plan.size();
    }

    private Optional<Map<String, String>> spread(StaffMember from) {
        Map<String, String> topics = new LinkedHashMap<>();
        cases.openCasesOf(from.userId()).forEach(caseNumber -> topics.put(caseNumber,
                cases.matchingFacts(caseNumber).topic()));
        List<StaffMember> team = staff.byTeam(from.teamCode()).stream()
                .filter(member -> !member.userId().equals(from.userId())).toList();
        return CaseSpread.spread(topics, team, cases.openCasesByContactPerson(), today());
    }

    private StaffMember staffMember(String userId) {
        if (userId == null || userId.isBlank()) {
            throw new FieldProblemException("contactPerson", "matching.contactPerson.required");
        }
        return staff.byUserId(userId.strip())
                .orElseThrow(() -> new FieldProblemException("contactPerson", "matching.contactPerson.unknown"));
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new FieldProblemException("reason", "caseMove.reason.required");
        }
        String why = reason.strip();
        if (why.codePointCount(0, why.length()) > MAX_REASON) {
            throw new FieldProblemException("reason", "caseMove.reason.size");
        }
        return why;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(deadlines.zone()));
    }

    static Locale danish() {
        return Locale.forLanguageTag("da");
    }

}
