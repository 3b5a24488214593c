package dk.initiativ.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dk.initiativ.admin.ReferenceChanges;
import dk.initiativ.admin.ReferenceKinds;
import dk.initiativ.web.ConflictException;
import dk.initiativ.web.FieldProblemException;
import dk.initiativ.web.NotFoundException;
import dk.initiativ.web.VisibleText;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An admin's changes to the teams (issue 13, ADR 0037): create, rename, set the managers (one or more, each a user of
 * the identity, local or Keycloak, in the team's manager group), and move a staff member into a team. A team is never
 * deleted: cases and the matching rules refer to its code. A new team is all that the decision table
 * {@code choose-team} needs to send cases to it: {@link MatchingService} finds a team by its code. Each change is
 * recorded in the change record in the same transaction (ADR 0030); moving a member is a change of their profile.
 */
@Service
class TeamAdmin {

    static final int NAME_MAX = 120;
    static final int MANAGERS_MAX = 10;
    private static final String CODE_PATTERN = "[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?";

    private final TeamRepository teams;
    private final StaffProfileRepository profiles;
    private final IdentityService identities;
    private final ReferenceChanges changes;

    TeamAdmin(TeamRepository teams, StaffProfileRepository profiles, IdentityService identities,
            ReferenceChanges changes) {
        this.teams = teams;
        this.profiles = profiles;
        this.identities = identities;
        this.changes = changes;
    }

    /** A new team: code (blank: made from the name), name, managers by user name (the first gets late matches). */
    record NewTeam(String code, String name, List<String> managers) {
    }

    /** What the change record keeps of a team. */
    record Snapshot(String code, String name, List<String> managers) {

        static Snapshot of(Team team) {
            return new Snapshot(team.getCode(), team.getName(), team.getManagers());
        }
    }

    /** What the change record keeps of a staff profile's move to another team. */
    record MemberSnapshot(String userId, String team) {
    }

    @Transactional
    public TeamView create(NewTeam form, String who) {
        String name = name(form.name());
        String code = form.code() == null || form.code().isBlank() ? freeCode(name) : form.code().strip();
        if (!code.matches(CODE_PATTERN) || "ny".equals(code)) {
            throw new FieldProblemException("code", "admin.teams.error.code");
        }
        if (teams.existsByCode(code)) {
            throw new FieldProblemException("code", "admin.teams.error.codeTaken");
        }
        if (teams.nameTaken(name, code)) {
            throw new FieldProblemException("name", "admin.teams.error.nameTaken");
        }
        List<String> managers = managers(form.managers(), Team.DEFAULT_MANAGER_GROUP);
        Team team = save(new Team(code, name, managers, Team.DEFAULT_MANAGER_GROUP));
        changes.record(who, ReferenceKinds.TEAM, code, ReferenceKinds.CREATE, null, Snapshot.of(team), null);
        return team.toView();
    }

    /** New name and managers for a team whose version the admin read. */
    @Transactional
    public TeamView describe(String code, String name, List<String> managers, Long version, String who) {
        Team team = find(code);
        if (version == null) {
            throw new FieldProblemException("version", "admin.teams.error.version");
        }
        if (team.getVersion() != version) {
            throw new ConflictException("admin.teams.conflict", "Team " + code + " is at version "
                    + team.getVersion() + ", not " + version);
        }
        String valid = name(name);
        if (teams.nameTaken(valid, code)) {
            throw new FieldProblemException("name", "admin.teams.error.nameTaken");
        }
        List<String> validManagers = managers(managers, team.getManagerGroup());
        Snapshot before = Snapshot.of(team);
        team.describe(valid, validManagers);
        Snapshot after = Snapshot.of(team);
        if (!after.equals(before)) {
            team = save(team);
            changes.record(who, ReferenceKinds.TEAM, code, ReferenceKinds.UPDATE, before, after, null);
        }
        return team.toView();
    }

    /** Moves the staff member into the team (their capacity and competences stay), recorded as a profile change. */
    @Transactional
    public StaffMember moveMember(String code, String userId, String who) {
        Team team = find(code);
        StaffProfile profile = (userId == null ? Optional.<StaffProfile>empty()
                : profiles.findByUserId(userId.strip()))
                .orElseThrow(() -> new FieldProblemException("member", "admin.teams.error.member"));
        MemberSnapshot before = new MemberSnapshot(profile.getUserId(), profile.getTeam().getCode());
        if (!before.team().equals(code)) {
            profile.changeWork(team, profile.getCapacity(), profile.getCompetences());
            profiles.saveAndFlush(profile);
            changes.record(who, ReferenceKinds.STAFF_PROFILE, profile.getUserId(), ReferenceKinds.UPDATE, before,
                    new MemberSnapshot(profile.getUserId(), code), null);
        }
        return profile.toMember();
    }

    private Team find(String code) {
        return (code == null ? Optional.<Team>empty() : teams.findByCode(code))
                .orElseThrow(() -> new NotFoundException("No team " + code));
    }

    private Team save(Team team) {
        try {
            return teams.saveAndFlush(team);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new ConflictException("admin.teams.conflict", "Team " + team.getCode() + " changed meanwhile");
        } catch (DataIntegrityViolationException e) {
            // two admins chose the same name or code at the same moment: the unique keys settled it
            String message = String.valueOf(e.getMostSpecificCause().getMessage());
            throw message.contains("name") ? new FieldProblemException("name", "admin.teams.error.nameTaken")
                    : new FieldProblemException("code", "admin.teams.error.codeTaken");
        }
    }

    private static String name(String value) {
        String name = value == null ? "" : Normalizer.normalize(value, Normalizer.Form.NFC).strip();
        if (VisibleText.isBlank(name) || name.codePointCount(0, name.length()) > NAME_MAX
                || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new FieldProblemException("name", "admin.teams.error.name");
        }
        return name;
    }

    /**
     * The managers in order, each once: at least one, and each a user of the identity (local users or Keycloak, through
     * Camunda's identity service) in the manager group.
     */
    private List<String> managers(List<String> typed, String group) {
        Set<String> managers = new LinkedHashSet<>();
        for (String manager : typed == null ? List.<String>of() : typed) {
            if (manager != null && !manager.isBlank()) {
                managers.add(manager.strip());
            }
        }
        if (managers.isEmpty() || managers.size() > MANAGERS_MAX) {
            throw new FieldProblemException("managers", "admin.teams.error.managers");
        }
        for (String manager : managers) {
            if (manager.length() > 64
                    || identities.createUserQuery().userId(manager).memberOfGroup(group).count() == 0) {
                throw new FieldProblemException("managers", "admin.teams.error.notManager");
            }
        }
        return new ArrayList<>(managers);
    }

    /** A code from the name (lower case ASCII and hyphens), with a number added when it is taken. */
    private String freeCode(String name) {
        String base = Normalizer.normalize(name.toLowerCase(Locale.ROOT).replace("æ", "ae").replace("ø", "oe")
                .replace("å", "aa"), Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (base.isEmpty()) {
            base = "team";
        }
        base = base.length() > 30 ? base.substring(0, 30).replaceAll("-+$", "") : base;
        String code = base;
        for (int n = 2; teams.existsByCode(code); n++) {
            code = base + "-" + n;
        }
        return code;
    }
}
