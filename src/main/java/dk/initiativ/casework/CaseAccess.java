package dk.initiativ.casework;

import dk.initiativ.funding.FundingApplications;
import dk.initiativ.funding.FundingPools;
import dk.initiativ.identity.Role;
import dk.initiativ.initiative.CaseView;
import org.springframework.stereotype.Component;

/**
 * Who may read and steer a case: admins and intake read every case; a manager the cases of the team
 * they lead (and cases no team has yet); a contact person the cases they carry; a fund officer the
 * cases that applied to a pool of their group. Only admins and the team's manager reassign.
 */
@Component
public class CaseAccess {

    private final TeamLeads teamLeads;
    private final FundingApplications funding;
    private final FundingPools pools;

    CaseAccess(TeamLeads teamLeads, FundingApplications funding, FundingPools pools) {
        this.teamLeads = teamLeads;
        this.funding = funding;
        this.pools = pools;
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
