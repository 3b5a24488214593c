package dk.initiativ.matching;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import dk.initiativ.database.ConditionalOnDemoData;
import dk.initiativ.database.DemoFiles;
import dk.initiativ.process.DeadlineProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo teams and staff profiles from the {@code teams} and {@code staff} sections of
 * {@code demo/reference-data.yaml}, at start, after the catalog's topics (competences refer to them).
 * Teams and profiles that exist already are left as they are (read with one statement per table, see
 * {@code CatalogDemoData}). Absence periods are given relative to the
 * current month, so that the demo always has someone away (and someone with a later period too).
 */
@Component
@ConditionalOnDemoData
@Order(20)
class MatchingDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MatchingDemoData.class);

    private final Resource file;
    private final TeamRepository teams;
    private final StaffProfileRepository profiles;
    private final ZoneId zone;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    MatchingDemoData(@Value("${initiativ.demo.reference-data-file:classpath:demo/reference-data.yaml}") Resource file,
            TeamRepository teams, StaffProfileRepository profiles, Clock clock, DeadlineProperties deadlines,
            JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.zone = deadlines.zone();
        this.file = file;
        this.teams = teams;
        this.profiles = profiles;
        this.clock = clock;
    }

    record Section(List<DemoTeam> teams, List<DemoStaff> staff) {
    }

    /** A demo team; its managers in order (the first gets the late matches). */
    record DemoTeam(String code, String name, List<String> managers, String managerGroup) {
    }

    record DemoStaff(String userId, String displayName, String email, String phone, String team, int capacity,
            List<String> competences, List<DemoAbsence> absences) {
    }

    /** From the first day of the month {@code monthsFromNow} ahead, for {@code months} whole months, with a note. */
    record DemoAbsence(int monthsFromNow, int months, String note) {

        Absence from(LocalDate today) {
            LocalDate first = today.withDayOfMonth(1).plusMonths(monthsFromNow);
            return new Absence(null, first, first.plusMonths(months).minusDays(1), note);
        }
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Section demo = read();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        int created = 0;
        Set<String> presentTeams = Set.copyOf(jdbc.queryForList("SELECT code FROM team", String.class));
        for (DemoTeam team : demo.teams()) {
            if (!presentTeams.contains(team.code())) {
                teams.save(new Team(team.code(), team.name(), team.managers(), team.managerGroup()));
                created++;
            }
        }
        Set<String> presentStaff = Set.copyOf(jdbc.queryForList("SELECT user_id FROM staff_profile", String.class));
        for (DemoStaff staff : demo.staff()) {
            if (presentStaff.contains(staff.userId())) {
                continue;
            }
            Team team = teams.findByCode(staff.team()).orElseThrow(() -> new IllegalStateException(
                    "Demo staff " + staff.userId() + " names the unknown team " + staff.team()));
            Set<String> competences = staff.competences() == null ? Set.of() : Set.copyOf(staff.competences());
            StaffProfile profile = new StaffProfile(staff.userId(), staff.displayName(), staff.email(), staff.phone(),
                    team, staff.capacity(), competences);
            if (staff.absences() != null) {
                staff.absences().forEach(absence -> profile.addAbsence(absence.from(today)));
            }
            profiles.save(profile);
            created++;
        }
        if (created > 0) {
            log.info("Created {} demo teams and staff profiles from {}", created, file);
        }
    }

    private Section read() {
        return DemoFiles.read(file, Section.class);
    }
}
