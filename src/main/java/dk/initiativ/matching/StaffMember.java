package dk.initiativ.matching;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A staff profile as other features see it: a snapshot, safe to keep after the transaction.
 *
 * @param userId      the Camunda/Keycloak user name
 * @param capacity    how many open cases the person can carry
 * @param competences topic codes the person knows
 * @param absences    the absence periods, earliest first (past ones included)
 */
public record StaffMember(String userId, String displayName, String email, String phone, String teamCode,
        String teamName, int capacity, SortedSet<String> competences, List<Absence> absences) {

    public StaffMember {
        competences = Collections.unmodifiableSortedSet(new TreeSet<>(competences));
        absences = absences == null ? List.of() : List.copyOf(absences);
    }

    public boolean isAbsentOn(LocalDate day) {
        return absences.stream().anyMatch(absence -> absence.covers(day));
    }

    /** The period covering {@code day}, else the next one to begin after it: what a reader of today wants. */
    public Optional<Absence> currentOrNext(LocalDate day) {
        return absences.stream().filter(absence -> !absence.endedBefore(day)).findFirst();
    }

    public boolean hasCompetence(String topicCode) {
        return competences.contains(topicCode);
    }
}
