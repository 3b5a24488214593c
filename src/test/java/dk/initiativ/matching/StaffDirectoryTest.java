package dk.initiativ.matching;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Teams and staff profiles on the embedded MariaDB with the demo reference data. */
@LocalModeTest
class StaffDirectoryTest {

    @Autowired
    StaffDirectory directory;

    @Autowired
    StaffProfileRepository profiles;

    @Autowired
    MatchingDemoData demoData;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Test
    void theDemoTeamsHaveTheirManagers() {
        assertThat(directory.teams()).filteredOn(team -> team.code().equals("natur-kultur")
                || team.code().equals("social-sundhed"))
                .extracting(TeamView::code, TeamView::name, TeamView::managers, TeamView::managerGroup).containsExactly(
                        tuple("natur-kultur", "Natur, kultur og fritid", List.of("manager"), "manager"),
                        tuple("social-sundhed", "Social og sundhed", List.of("mads"), "manager"));
        assertThat(directory.team("social-sundhed")).map(TeamView::escalationManager).contains("mads");
        assertThat(directory.team("ukendt")).isEmpty();
    }

    @Test
    void theDemoStaffAreInTheirTeams() {
        assertThat(directory.all()).extracting(StaffMember::userId)
                .containsExactlyInAnyOrder("contact", "anna", "bjarne", "cecilie", "dorte", "emil");
        assertThat(directory.byTeam("natur-kultur")).extracting(StaffMember::displayName)
                .containsExactly("Anna Holm", "Bjarne Sørensen", "Karl Kontakt");
        assertThat(directory.byTeam("social-sundhed")).extracting(StaffMember::userId)
                .containsExactly("cecilie", "dorte", "emil");
        assertThat(directory.byTeam("ukendt")).isEmpty();
    }

    @Test
    void aProfileComesWithItsCompetencesCapacityAndTeam() {
        StaffMember anna = directory.byUserId("anna").orElseThrow();

        assertThat(anna.competences()).containsExactly("erhverv-turisme", "kultur-fritid", "natur-miljoe");
        assertThat(anna.hasCompetence("natur-miljoe")).isTrue();
        assertThat(anna.hasCompetence("aeldre")).isFalse();
        assertThat(anna.capacity()).isEqualTo(24);
        assertThat(anna.teamCode()).isEqualTo("natur-kultur");
        assertThat(anna.teamName()).isEqualTo("Natur, kultur og fritid");
        assertThat(anna.email()).isEqualTo("anna.holm@example.org");
        assertThat(directory.byUserId("citizen")).isEmpty();
    }

    @Test
    void theEntityLoadsItsCompetencesFromTheJoinTable() {
        Set<String> competences = transaction.execute(status ->
                profiles.findByUserId("emil").orElseThrow().getCompetences());
        assertThat(competences).containsExactlyInAnyOrder("boern-unge", "idraet-bevaegelse", "aeldre");
    }

    @Test
    void oneDemoProfileIsAwayThisMonthAndNextAndAgainLater() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Copenhagen")));
        LocalDate firstOfThisMonth = today.withDayOfMonth(1);
        StaffMember dorte = directory.byUserId("dorte").orElseThrow();

        assertThat(dorte.absences()).extracting(Absence::from, Absence::until, Absence::note).containsExactly(
                tuple(firstOfThisMonth, firstOfThisMonth.plusMonths(2).minusDays(1), "Orlov"),
                tuple(firstOfThisMonth.plusMonths(4), firstOfThisMonth.plusMonths(5).minusDays(1), "Efteruddannelse"));
        assertThat(dorte.isAbsentOn(firstOfThisMonth.plusMonths(3))).isFalse();
        assertThat(dorte.isAbsentOn(firstOfThisMonth.plusMonths(4))).isTrue();
        assertThat(dorte.isAbsentOn(today)).isTrue();
        assertThat(dorte.isAbsentOn(firstOfThisMonth.plusMonths(1).plusDays(14))).isTrue();
        assertThat(dorte.isAbsentOn(firstOfThisMonth.plusMonths(2))).isFalse();
        assertThat(dorte.isAbsentOn(firstOfThisMonth.minusDays(1))).isFalse();
        assertThat(directory.all()).filteredOn(member -> member.isAbsentOn(today))
                .extracting(StaffMember::userId).containsExactly("dorte");
    }

    @Test
    void absenceCoversBothEndsAndMayBeOpenEnded() {
        StaffProfile profile = new StaffProfile("test", "Test Person", "test@example.org", null,
                new Team("test-team", "Test", List.of("manager"), null), 5, Set.of("aeldre"));
        LocalDate from = LocalDate.of(2026, 7, 1);

        assertThat(profile.isAbsentOn(from)).isFalse();
        profile.addAbsence(new Absence(from, LocalDate.of(2026, 7, 31)));
        assertThat(profile.isAbsentOn(from.minusDays(1))).isFalse();
        assertThat(profile.isAbsentOn(from)).isTrue();
        assertThat(profile.isAbsentOn(LocalDate.of(2026, 7, 31))).isTrue();
        assertThat(profile.isAbsentOn(LocalDate.of(2026, 8, 1))).isFalse();
        assertThat(profile.overlapping(new Absence(LocalDate.of(2026, 7, 31), null))).isPresent();
        assertThat(profile.overlapping(new Absence(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 1)))).isPresent();
        assertThat(profile.overlapping(new Absence(LocalDate.of(2026, 8, 1), null))).isEmpty();
        profile.addAbsence(new Absence(LocalDate.of(2026, 9, 1), null));
        assertThat(profile.isAbsentOn(LocalDate.of(2026, 8, 15))).isFalse();
        assertThat(profile.isAbsentOn(LocalDate.of(2030, 1, 1))).isTrue();
        assertThatThrownBy(() -> new Absence(from, from.minusDays(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDatabaseRefusesACompetenceInAnUnknownTopicAndAnAbsenceThatEndsBeforeItBegins() {
        long annaId = jdbc.queryForObject("SELECT id FROM staff_profile WHERE user_id = 'anna'", Long.class);
        assertThatThrownBy(() -> jdbc.update(
                "INSERT INTO staff_competence (staff_profile_id, topic_code) VALUES (?, 'ukendt')", annaId))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update(
                "INSERT INTO staff_absence (staff_profile_id, first_day, last_day) VALUES (?, '2026-07-10', '2026-07-01')",
                annaId)).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(directory.byUserId("anna").orElseThrow().absences()).isEmpty();
    }

    @Test
    void seedingAgainAddsNothing() throws Exception {
        long teams = jdbc.queryForObject("SELECT COUNT(*) FROM team", Long.class);
        long staff = jdbc.queryForObject("SELECT COUNT(*) FROM staff_profile", Long.class);
        demoData.run(null);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM team", Long.class)).isEqualTo(teams);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM staff_profile", Long.class)).isEqualTo(staff);
    }
}
