package dk.initiativ.matching;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Moving all cases of a person spreads them by workload and capacity, like a new case's pick. */
class CaseSpreadTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void theLeastLoadedAgainstCapacityTakeEachNextCaseAndNobodyGoesOverCapacityOrIsAbsent() {
        List<StaffMember> team = List.of(member("almost-full", 4, Set.of()), member("roomy", 10, Set.of()),
                member("away", 5, Set.of(), new Absence(TODAY.minusDays(1), TODAY.plusDays(10))),
                member("fresh", 6, Set.of()));
        Map<String, Long> open = Map.of("almost-full", 3L, "roomy", 2L);
        Map<String, String> cases = new LinkedHashMap<>();
        for (int n = 1; n <= 5; n++) {
            cases.put("C" + n, "sport");
        }

        Map<String, String> plan = CaseSpread.spread(cases, team, open, TODAY).orElseThrow();

        // fresh 0/6 -> 1/6; fresh 1/6 < roomy 2/10? no: 0.167 < 0.2 -> fresh 2/6; roomy 0.2 -> 3/10; roomy 0.3 < 0.33 -> 4/10;
        // fresh 0.33 < roomy 0.4 -> fresh 3/6
        assertThat(plan).containsExactly(Map.entry("C1", "fresh"), Map.entry("C2", "fresh"), Map.entry("C3", "roomy"),
                Map.entry("C4", "roomy"), Map.entry("C5", "fresh"));
        assertThat(plan.values()).doesNotContain("away", "almost-full");
    }

    @Test
    void competenceComesFirstWhileThereIsRoom() {
        List<StaffMember> team = List.of(member("expert", 2, Set.of("nature")), member("other", 10, Set.of()));
        Map<String, String> cases = new LinkedHashMap<>(Map.of("C1", "nature"));
        cases.put("C2", "nature");
        cases.put("C3", "nature");

        Map<String, String> plan = CaseSpread.spread(cases, team, Map.of("expert", 0L), TODAY).orElseThrow();

        assertThat(plan.values()).containsExactly("expert", "expert", "other");
    }

    @Test
    void noPlanWhenTheTeamHasNoRoomForEveryCase() {
        List<StaffMember> team = List.of(member("small", 1, Set.of()));
        Map<String, String> cases = new LinkedHashMap<>(Map.of("C1", "x"));
        cases.put("C2", "x");

        assertThat(CaseSpread.spread(cases, team, Map.of(), TODAY)).isEmpty();
    }

    private static StaffMember member(String userId, int capacity, Set<String> competences) {
        return member(userId, capacity, competences, null);
    }

    private static StaffMember member(String userId, int capacity, Set<String> competences, Absence absence) {
        return new StaffMember(userId, userId, userId + "@example.org", null, "team", "Team", capacity,
                new TreeSet<>(competences), absence == null ? List.of() : List.of(absence));
    }
}
