package dk.initiativ.matching;

/**
 * A team as other features see it.
 *
 * @param managerUserId the user a late match escalates to
 * @param managerGroup  the group that may reassign the team's cases
 */
record TeamView(String code, String name, String managerUserId, String managerGroup) {
}
