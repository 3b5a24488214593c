package dk.initiativ.matching;

import java.util.List;

/**
 * A team as other features see it.
 *
 * @param managers     the users who lead the team (ADR 0037); a late match escalates to the first
 * @param managerGroup the group its managers must belong to
 * @param version      sent back with an admin's change: a stale one answers 409
 */
record TeamView(String code, String name, List<String> managers, String managerGroup, long version) {

    /** The manager a match that nobody accepts in time escalates to: the first. */
    String escalationManager() {
        return managers.get(0);
    }
}
