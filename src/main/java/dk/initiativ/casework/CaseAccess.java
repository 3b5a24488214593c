package dk.initiativ.casework;

import java.util.List;

import dk.initiativ.funding.FundingApplications;
import dk.initiativ.funding.FundingPools;
import dk.initiativ.identity.Role;
import dk.initiativ.initiative.CaseView;
import dk.initiativ.permits.Departments;
import dk.initiativ.permits.PermitRequirements;
import dk.initiativ.permits.PermitView;
import org.springframework.stereotype.Component;

/**
 * Who may read and steer a case: admins and intake read every case; a manager the cases of the team
 * they lead (and cases no team has yet); a contact person the cases they carry; a fund officer the
 * cases that applied to a pool of their group. Only admins and the team's manager reassign. A department member
 * reads none of these: only the permits of their department ({@link #permitsToDecide}) and what a decision needs.
 */
@Component
public class CaseAccess {

    private final TeamLeads teamLeads;
    private final FundingApplications funding;
    private final FundingPools pools;
    private final PermitRequirements permits;
    private final Departments departments;

    CaseAccess(TeamLeads teamLeads, FundingApplications funding, FundingPools pools, PermitRequirements permits,
            Departments departments) {
        this.teamLeads = teamLeads;
        this.funding = funding;
        this.pools = pools;
        this.permits = permits;
        this.departments = departments;
    }

    /**
     * The case's permits that one of the user's departments decides (empty: the user is in no department, or
     * none of theirs decides a permit of this case).
     */
    public List<PermitView> permitsToDecide(StaffUser user, CaseView initiative) {
        if (!user.isIn(Role.DEPARTMENT.groupId())) {
            return List.of();
        }
        List<String> ofUser = departments.departmentsAmong(user.groups());
        return ofUser.isEmpty() ? List.of() : permits.forCase(initiative.caseNumber(), ofUser);
    }

    public boolean mayRead(StaffUser user, CaseView initiative) {
        return user.isIn(Role.ADMIN.groupId()) || user.isIn(Role.INTAKE.groupId())
                || user.userId().equals(initiative.contactPerson())
                || leadsTeamOf(user, initiative)
                || user.isIn(Role.FUND_OFFICER.groupId()) && appliedToPoolOf(user, initiative);
    }

    public boolean mayReassign(StaffUser user, CaseView initiative) {
        return user.isIn(Role.ADMIN.groupId()) || leadsTeamOf(user, initiative);
    }

    private boolean leadsTeamOf(StaffUser user, CaseView initiative) {
        return user.isIn(Role.MANAGER.groupId())
                && (initiative.teamCode() == null || teamLeads.leads(user.userId(), initiative.teamCode()));
    }

    private boolean appliedToPoolOf(StaffUser user, CaseView initiative) {
        return funding.forCase(initiative.caseNumber()).stream()
                .map(application -> pools.find(application.poolCode()).orElseThrow().fundOfficerGroup())
                .anyMatch(user::isIn);
    }
}
