package dk.initiativ.matching;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dk.initiativ.casework.TeamLeads;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who works where: the teams and the staff profiles, for the features that pick, show or notify staff. */
@Service
@Transactional(readOnly = true)
public class StaffDirectory implements TeamLeads {

    private final TeamRepository teams;
    private final StaffProfileRepository profiles;

    StaffDirectory(TeamRepository teams, StaffProfileRepository profiles) {
        this.teams = teams;
        this.profiles = profiles;
    }

    /** All teams, by name. */
    List<TeamView> teams() {
        return teams.findAllByOrderByNameAsc().stream().map(Team::toView).toList();
    }

    Optional<TeamView> team(String code) {
        return teams.findByCode(code).map(Team::toView);
    }

    /** Every staff profile, by display name. */
    public List<StaffMember> all() {
        return profiles.findAllByOrderByDisplayNameAsc().stream().map(StaffProfile::toMember).toList();
    }

    /** The profiles of one team, by display name; empty for an unknown team. */
    public List<StaffMember> byTeam(String teamCode) {
        return profiles.findByTeamCodeOrderByDisplayNameAsc(teamCode).stream().map(StaffProfile::toMember).toList();
    }

    /** The team's staff, user id to name (casework's reassignment list). */
    @Override
    public Map<String, String> members(String teamCode) {
        Map<String, String> members = new LinkedHashMap<>();
        if (teamCode != null) {
            byTeam(teamCode).forEach(member -> members.put(member.userId(), member.displayName()));
        }
        return members;
    }

    /** Whether the user leads the team (one of its managers). */
    @Override
    public boolean leads(String userId, String teamCode) {
        return teamCode != null && teams.findByCode(teamCode).map(team -> team.getManagers().contains(userId))
                .orElse(false);
    }

    /** The profile of a Camunda/Keycloak user, if that user has one. */
    public Optional<StaffMember> byUserId(String userId) {
        return profiles.findByUserId(userId).map(StaffProfile::toMember);
    }
}
