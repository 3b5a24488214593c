package dk.initiativ.casework;

/**
 * Who leads which team, as {@link CaseAccess} needs it. The teams live in {@code matching}, which fills this
 * in; casework asks through this small port so that the features whose task endpoints use casework
 * (matching among them) can depend on casework without casework depending back on them.
 */
public interface TeamLeads {

    /** Whether the user leads (manages) the team with that code; false for a null or unknown team. */
    boolean leads(String userId, String teamCode);
}
