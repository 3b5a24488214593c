package dk.initiativ.matching;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The pick rule on its own: absence, capacity, competence, workload, and a repeatable tie-break. */
class ContactPersonPickerTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void competenceComesBeforeALowerWorkload() {
        List<StaffMember> team = List.of(member("anna", 10, "natur-miljoe"), member("bo", 10, "kultur-fritid"));
        assertThat(pick(team, "natur-miljoe", Map.of("anna", 5L, "bo", 0L))).isEqualTo("anna");
    }

    @Test
    void amongTheCompetentTheLowestLoadAgainstCapacityWins() {
        List<StaffMember> team = List.of(member("anna", 10, "natur-miljoe"), member("carl", 4, "natur-miljoe"));
        // anna 5/10 = 0.5, carl 1/4 = 0.25
        assertThat(pick(team, "natur-miljoe", Map.of("anna", 5L, "carl", 1L))).isEqualTo("carl");
    }

    @Test
    void absentAndFullPeopleAreSkippedEvenWithTheCompetence() {
        StaffMember away = new StaffMember("dorte", "Dorte", "d@example.org", null, "t", "Team", 10,
                new TreeSet<>(Set.of("natur-miljoe")), List.of(new Absence(TODAY.minusDays(10), TODAY.minusDays(5)),
                new Absence(TODAY.minusDays(1), TODAY.plusDays(1))));
        List<StaffMember> team = List.of(away, member("full", 2, "natur-miljoe"), member("bo", 10, "kultur-fritid"));
        assertThat(pick(team, "natur-miljoe", Map.of("full", 2L))).isEqualTo("bo");
    }

    @Test
    void nobodyFreeMeansNoPick() {
        List<StaffMember> team = List.of(member("full", 1, "natur-miljoe"));
        assertThat(ContactPersonPicker.pick(team, "natur-miljoe", Map.of("full", 1L), TODAY)).isEmpty();
    }

    @Test
    void aTieIsBrokenByUserIdSoThePickIsRepeatable() {
        List<StaffMember> team = List.of(member("zoe", 10, "aeldre"), member("adam", 10, "aeldre"));
        assertThat(pick(team, "aeldre", Map.of())).isEqualTo("adam");
    }

    private static String pick(List<StaffMember> team, String topic, Map<String, Long> open) {
        return ContactPersonPicker.pick(team, topic, open, TODAY).orElseThrow().userId();
    }

    private static StaffMember member(String userId, int capacity, String... competences) {
        return new StaffMember(userId, userId, userId + "@example.org", null, "team", "Team", capacity,
                new TreeSet<>(Set.of(competences)), null);
    }
}
