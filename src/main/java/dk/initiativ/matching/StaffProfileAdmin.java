package dk.initiativ.matching;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import dk.initiativ.admin.ReferenceChanges;
import dk.initiativ.admin.ReferenceKinds;
import dk.initiativ.catalog.CatalogService;
import dk.initiativ.process.DeadlineProperties;
import dk.initiativ.web.FieldProblemException;
import dk.initiativ.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An admin's changes to staff profiles (issue 13): team, capacity, competences and the absence periods (first and
 * last day, an optional note; several per person, none overlapping, ADR 0038). Matching reads the periods by date
 * ({@link StaffMember#isAbsentOn}), so a person is skipped during each and picked again the day after, with nothing
 * to switch back. Each change locks the profile's row first (two admins take turns, neither change is lost) and is
 * recorded in the change record in the same transaction (ADR 0030).
 */
@Service
public class StaffProfileAdmin {

    static final int CAPACITY_MAX = 1000;
    static final int NOTE_MAX = 200;

    private final StaffProfileRepository profiles;
    private final TeamRepository teams;
    private final CatalogService catalog;
    private final ReferenceChanges changes;
    private final Clock clock;
    private final ZoneId zone;

    StaffProfileAdmin(StaffProfileRepository profiles, TeamRepository teams, CatalogService catalog,
            ReferenceChanges changes, Clock clock, DeadlineProperties deadlines) {
        this.profiles = profiles;
        this.teams = teams;
        this.catalog = catalog;
        this.changes = changes;
        this.clock = clock;
        this.zone = deadlines.zone();
    }

    /** What the change record keeps of a profile (team and topics by code; the admin module shows their names). */
    record Snapshot(String userId, String displayName, String team, int capacity, SortedSet<String> competences,
            List<Period> absences) {

        static Snapshot of(StaffProfile profile) {
            return new Snapshot(profile.getUserId(), profile.getDisplayName(), profile.getTeam().getCode(),
                    profile.getCapacity(), new TreeSet<>(profile.getCompetences()),
                    profile.absences().stream().map(Period::of).toList());
        }
    }

    /** One absence period in the change record. */
    record Period(LocalDate from, LocalDate until, String note) {

        static Period of(Absence absence) {
            return new Period(absence.from(), absence.until(), absence.note());
        }
    }

    /** Changes the person's team (by code), capacity and competences (topic codes). */
    @Transactional
    public StaffMember changeWork(String userId, String teamCode, Integer capacity, List<String> competences,
            String who) {
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
        StaffProfile profile = lock(userId);
        Snapshot before = Snapshot.of(profile);
        profile.changeWork(team, capacity, topics);
        return saved(profile, before, who);
    }

    /**
     * Adds an absence period from {@code from} to {@code until} (both included; {@code until} null while the return
     * is not known) with an optional note. Refused with the field named: no first day ({@code from}); a last day
     * before the first, or before today (a period wholly past changes nothing and is most likely a typed year)
     * ({@code until}); a note over 200 characters ({@code note}); a period sharing a day with one the person has
     * already ({@code from}: refused rather than merged, so that no period the admin did not type appears, ADR 0038).
     */
    @Transactional
    public StaffMember addAbsence(String userId, LocalDate from, LocalDate until, String note, String who) {
        if (from == null) {
            throw new FieldProblemException("from", "admin.absence.error.from");
        }
        if (until != null && until.isBefore(from)) {
            throw new FieldProblemException("until", "admin.absence.error.order");
        }
        if (until != null && until.isBefore(LocalDate.now(clock.withZone(zone)))) {
            throw new FieldProblemException("until", "admin.absence.error.past");
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.codePointCount(0, text.length()) > NOTE_MAX) {
            throw new FieldProblemException("note", "admin.absence.error.note");
        }
        Absence absence = new Absence(null, from, until, text);
        StaffProfile profile = lock(userId);
        if (profile.overlapping(absence).isPresent()) {
            throw new FieldProblemException("from", "admin.absence.error.overlap");
        }
        Snapshot before = Snapshot.of(profile);
        profile.addAbsence(absence);
        return saved(profile, before, who);
    }

    /** Removes one absence period (the person came back early, or it was entered by mistake); 404 if not theirs. */
    @Transactional
    public StaffMember removeAbsence(String userId, long absenceId, String who) {
        StaffProfile profile = lock(userId);
        Snapshot before = Snapshot.of(profile);
        if (!profile.removeAbsence(absenceId)) {
            throw new NotFoundException("No absence " + absenceId + " of " + userId);
        }
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

    private StaffProfile lock(String userId) {
        return profiles.lockByUserId(userId).orElseThrow(() -> new NotFoundException("No staff profile " + userId));
    }
}
