package dk.initiativ.matching;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import dk.initiativ.identity.Role;
import dk.initiativ.initiative.Cases;
import dk.initiativ.process.ProcessActors;
import org.camunda.bpm.engine.AuthorizationException;
import dk.initiativ.process.DeadlineProperties;
import dk.initiativ.web.FieldProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who carries a case: the proposal within the team the decision table chose, the contact person's
 * answer, the team manager's choice, and a manager's override at any time.
 */
@Service
@Transactional
class MatchingService {

    /** The proposal: the person (empty when nobody in the team is free) and the team's manager. */
    public record Proposal(Optional<String> contactPerson, String teamManager) {
    }

    private final StaffDirectory staff;
    private final Cases cases;
    private final Clock clock;
    private final DeadlineProperties deadlines;

    MatchingService(StaffDirectory staff, Cases cases, Clock clock, DeadlineProperties deadlines) {
        this.staff = staff;
        this.cases = cases;
        this.clock = clock;
        this.deadlines = deadlines;
    }

    Proposal propose(String caseNumber, String teamCode, String actor) {
        TeamView team = staff.team(teamCode)
                .orElseThrow(() -> new IllegalStateException("The decision table chose an unknown team " + teamCode));
        List<StaffMember> members = staff.byTeam(teamCode);
        LocalDate today = LocalDate.now(clock.withZone(deadlines.zone()));
        Optional<String> person = ContactPersonPicker.pick(members, cases.matchingFacts(caseNumber).topic(),
                cases.openCasesByContactPerson(), today).map(StaffMember::userId);
        cases.proposeContactPerson(caseNumber, teamCode, person.orElse(null), actor);
        return new Proposal(person, team.escalationManager());
    }

    void accepted(String caseNumber, String contactPerson) {
        cases.contactPersonAssigned(caseNumber, contactPerson, contactPerson);
    }

    void declined(String caseNumber, String contactPerson, String reason) {
        cases.contactPersonDeclined(caseNumber, contactPerson, reason);
    }

    void escalated(String caseNumber, String teamManager) {
        cases.matchEscalated(caseNumber, teamManager);
    }

    /**
     * Only the manager of the case's team chooses its contact person (an admin may too; the process
     * itself, without a person, may). Refused as the engine's authorization error, so that the engine
     * REST API answers 403 and nothing of the completion is stored.
     */
    void requireTeamManager(String caseNumber, String actor, List<String> groups) {
        if (ProcessActors.SYSTEM.equals(actor) || groups.contains(Role.ADMIN.groupId())) {
            return;
        }
        String teamCode = cases.view(caseNumber).teamCode();
        if (teamCode == null || !staff.leads(actor, teamCode)) {
            throw new AuthorizationException(actor + " does not lead the team of " + caseNumber
                    + " and may not choose its contact person");
        }
    }

    /** The team manager's choice: any staff member with a profile. */
    String choose(String caseNumber, String userId, String manager) {
        StaffMember member = requireStaff(userId);
        cases.proposeContactPerson(caseNumber, member.teamCode(), member.userId(), manager);
        return member.userId();
    }

    StaffMember requireStaff(String userId) {
        if (userId == null || userId.isBlank()) {
            throw new FieldProblemException("contactPerson", "matching.contactPerson.required");
        }
        return staff.byUserId(userId.strip())
                .orElseThrow(() -> new FieldProblemException("contactPerson", "matching.contactPerson.unknown"));
    }
}
