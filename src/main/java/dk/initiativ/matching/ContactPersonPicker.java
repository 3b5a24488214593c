package dk.initiativ.matching;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the contact person within a team: people absent today or at capacity are skipped; those with
 * the initiative's topic as a competence come first; then the lowest workload (open cases against
 * capacity), then the fewest open cases, then the user id (so the pick is repeatable).
 */
final class ContactPersonPicker {

    private ContactPersonPicker() {
    }

    static Optional<StaffMember> pick(List<StaffMember> team, String topic, Map<String, Long> openCases, LocalDate today) {
        return team.stream()
                .filter(member -> !member.isAbsentOn(today))
                .filter(member -> open(member, openCases) < member.capacity())
                .min(Comparator.comparing((StaffMember member) -> !member.hasCompetence(topic))
                        .thenComparingDouble(member -> (double) open(member, openCases) / member.capacity())
                        .thenComparingLong(member -> open(member, openCases))
                        .thenComparing(StaffMember::userId));
    }

    private static long open(StaffMember member, Map<String, Long> openCases) {
        return openCases.getOrDefault(member.userId(), 0L);
    }
}
