package dk.initiativ.dashboard;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * What the dashboard counts, after the access rules: the period (both days included, in the municipality's time
 * zone), the teams (empty = all teams), and optionally one topic and one district (codes as in the catalogue).
 */
public record DashboardScope(LocalDate from, LocalDate to, Set<String> teamCodes, Optional<String> topic,
        Optional<String> district) {

    public DashboardScope {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("the period must run from a day to the same or a later day");
        }
        teamCodes = Set.copyOf(teamCodes);
        topic = topic == null ? Optional.empty() : topic;
        district = district == null ? Optional.empty() : district;
    }

    public boolean allTeams() {
        return teamCodes.isEmpty();
    }
}
