package dk.initiativ.matching;

import java.time.LocalDate;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A staff profile as other features see it: a snapshot, safe to keep after the transaction.
 *
 * @param userId      the Camunda/Keycloak user name
 * @param capacity    how many open cases the person can carry
 * @param competences topic codes the person knows
 * @param absence     the planned absence, or {@code null}
 */
public record StaffMember(String userId, String displayName, String email, String phone, String teamCode,
        String teamName, int capacity, SortedSet<String> competences, Absence absence) {

    public StaffMember {
        competences = Collections.unmodifiableSortedSet(new TreeSet<>(competences));
    }

    public boolean isAbsentOn(LocalDate day) {
        return absence != null && absence.covers(day);
    }

    public boolean hasCompetence(String topicCode) {
        return competences.contains(topicCode);
    }
}
