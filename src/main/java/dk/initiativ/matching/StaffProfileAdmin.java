package dk.initiativ.matching;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import dk.initiativ.admin.ReferenceChanges;
import dk.initiativ.admin.ReferenceKinds;
import dk.initiativ.catalog.CatalogService;
import dk.initiativ.web.FieldProblemException;
import dk.initiativ.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An admin's changes to staff profiles (issue 13): team, capacity, competences and the planned absence (first and
 * last day). Matching reads the absence by date ({@link StaffMember#isAbsentOn}), so a person is skipped during
 * the absence and picked again the day after, with nothing to switch back. Each change is recorded in the change
 * record in the same transaction (ADR 0030).
 */
@Service
public class StaffProfileAdmin {

    static final int CAPACITY_MAX = 1000;

    private final StaffProfileRepository profiles;
    private final TeamRepository teams;
    private final CatalogService catalog;
    private final ReferenceChanges changes;

    StaffProfileAdmin(StaffProfileRepository profiles, TeamRepository teams, CatalogService catalog,
            ReferenceChanges changes) {
        this.profiles = profiles;
        this.teams = teams;
        this.catalog = catalog;
        this.changes = changes;
    }

    /** What the change record keeps of a profile. */
    record Snapshot(String userId, String displayName, String team, int capacity, SortedSet<String> competences,
            LocalDate absentFrom, LocalDate absentUntil) {

        static Snapshot of(StaffProfile profile) {
            Absence absence = profile.absence().orElse(null);
            return new Snapshot(profile.getUserId(), profile.getDisplayName(), profile.getTeam().getCode(),
                    profile.getCapacity(), new TreeSet<>(profile.getCompetences()),
                    absence == null ? null : absence.from(), absence == null ? null : absence.until());
        }
    }

    /** Changes the person's team (by code), capacity and competences (topic codes). */
    @Transactional
    public StaffMember changeWork(String userId, String teamCode, Integer capacity, List<String> competences,
            String who) {
        StaffProfile profile = find(userId);
        Team team = teamCode == null ? null : teams.findByCode(teamCode).orElse(null);
        if (team == null) {
            throw new FieldProblemException("team", "admin.ref.staff.error.team");
        }
        if (capacity == null || capacity < 0 || capacity > CAPACITY_MAX) {
            throw new FieldProblemException("capacity", "admin.ref.staff.error.capacity");
        }
        Set<String> topics = new TreeSet<>(competences == null ? List.of() : competences);
        if (!topics.stream().allMatch(catalog::topicExists)) {
            throw new FieldProblemException("competences", "admin.ref.staff.error.competences");
        }
        Snapshot before = Snapshot.of(profile);
        profile.changeWork(team, capacity, topics);
        return saved(profile, before, who);
    }

    /**
     * Plans the person's absence from {@code from} to {@code until} (both included; {@code until} null while the
     * return is not known), replacing the one planned before. Refused: no first day, or a last day before it.
     */
    @Transactional
    public StaffMember planAbsence(String userId, LocalDate from, LocalDate until, String who) {
        if (from == null) {
            throw new FieldProblemException("absentFrom", "admin.ref.staff.error.from");
        }
        if (until != null && until.isBefore(from)) {
            throw new FieldProblemException("absentUntil", "admin.ref.staff.error.order");
        }
        StaffProfile profile = find(userId);
        Snapshot before = Snapshot.of(profile);
        profile.planAbsence(new Absence(from, until));
        return saved(profile, before, who);
    }

    /** Removes the planned absence (the person came back early, or it was entered by mistake). */
    @Transactional
    public StaffMember clearAbsence(String userId, String who) {
        StaffProfile profile = find(userId);
        Snapshot before = Snapshot.of(profile);
        profile.clearAbsence();
        return saved(profile, before, who);
    }

    private StaffMember saved(StaffProfile profile, Snapshot before, String who) {
        profiles.saveAndFlush(profile);
        Snapshot after = Snapshot.of(profile);
        if (!after.equals(before)) {
            changes.record(who, ReferenceKinds.STAFF_PROFILE, profile.getUserId(), ReferenceKinds.UPDATE, before,
                    after, null);
        }
        return profile.toMember();
    }

    private StaffProfile find(String userId) {
        return profiles.findByUserId(userId).orElseThrow(() -> new NotFoundException("No staff profile " + userId));
    }
}
