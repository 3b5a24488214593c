package dk.initiativ.casework;

import java.util.Map;

/**
 * Who leads which team, as {@link CaseAccess} needs it, and who is in it, as the reassignment form's list
 * ({@link TaskFormOptions}) needs it. The teams live in {@code matching}, which fills this
 * in; casework asks through this small port so that the features whose task endpoints use casework
 * (matching among them) can depend on casework without casework depending back on them.
 */
public interface TeamLeads {

    /** Whether the user leads (manages) the team with that code; false for a null or unknown team. */
    boolean leads(String userId, String teamCode);

    /** The team's staff, user id to name, in the team's order; empty for a null or unknown team. */
    Map<String, String> members(String teamCode);
}
