package dk.initiativ.casework;

import java.util.Arrays;
import java.util.Optional;

/** The views of the staff inbox, each with its URL value ({@code visning=...}). */
public enum InboxView {
    /** Open tasks assigned to me. */
    MY_TASKS("mine-opgaver", true),
    /** Open cases where I am the contact person. */
    MY_CASES("mine-sager", false),
    /** Unclaimed tasks offered to one of my groups (intake queue, pool applications, a department's permits). */
    GROUP_TASKS("gruppernes-opgaver", true),
    /** Open cases of the team(s) I lead (managers; admins: every open case). */
    TEAM_CASES("teamets-sager", false);

    private final String param;
    private final boolean listsTasks;

    InboxView(String param, boolean listsTasks) {
        this.param = param;
        this.listsTasks = listsTasks;
    }

    /** The value of the URL parameter {@code visning}. */
    public String param() {
        return param;
    }

    /** Whether a row is a task (else a case). */
    public boolean listsTasks() {
        return listsTasks;
    }

    public static Optional<InboxView> ofParam(String value) {
        return Arrays.stream(values()).filter(view -> view.param.equals(value)).findFirst();
    }
}
