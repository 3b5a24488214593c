package dk.initiativ.matching;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Spreads the open cases of one person over the rest of their team by workload, one case at a time with the
 * same rules as a new case's pick ({@link ContactPersonPicker}): nobody absent today or at capacity; the
 * topic's competence first, then the lowest workload against capacity. Each case picked counts at once, so
 * the next case sees the new workload.
 */
final class CaseSpread {

    private CaseSpread() {
    }

    /**
     * @param topics    each case's topic, in the order to move them
     * @param team      who may take cases (the person who leaves is not among them)
     * @param openCases open cases per user id now
     * @return each case's new contact person; empty when the team has no room for every case
     */
    static Optional<Map<String, String>> spread(Map<String, String> topics, List<StaffMember> team,
            Map<String, Long> openCases, LocalDate today) {
        Map<String, Long> workload = new HashMap<>(openCases);
        Map<String, String> plan = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : topics.entrySet()) {
            Optional<StaffMember> picked = ContactPersonPicker.pick(team, entry.getValue(), workload, today);
            if (picked.isEmpty()) {
                return Optional.empty();
            }
            plan.put(entry.getKey(), picked.get().userId());
            workload.merge(picked.get().userId(), 1L, Long::sum);
        }
        return Optional.of(plan);
    }
}
