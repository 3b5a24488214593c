package dk.initiativ.casework;

/** How close a row's deadline is, in working days of the BPMN timers' calendar. */
public enum DeadlineState {
    /** The deadline has passed. */
    OVERDUE,
    /** Due today or on the next working day. */
    DUE_SOON,
    /** Due later. */
    LATER,
    /** No deadline. */
    NONE
}
