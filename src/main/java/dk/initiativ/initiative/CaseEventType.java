package dk.initiativ.initiative;

/** The milestones of the case timeline. Texts are in messages_da/_en under {@code caseEvent.<TYPE>}. */
public enum CaseEventType {
    SUBMITTED(true),
    INFORMATION_REQUESTED(true),
    INFORMATION_REMINDER(true),
    INFORMATION_PROVIDED(true),
    ACCEPTED(true),
    REDIRECTED(true),
    MARKED_DUPLICATE(true),
    DUPLICATE_LINKED(false),
    CONTACT_PROPOSED(false),
    CONTACT_DECLINED(false),
    MATCH_ESCALATED(false),
    CONTACT_ASSIGNED(true),
    CONTACT_REASSIGNED(true),
    AGREEMENT_RECORDED(true),
    PROGRESS_RECORDED(true),
    CLOSED(true),
    WITHDRAWN(true),
    CLOSED_INACTIVE(true);

    private final boolean visibleToCitizen;

    CaseEventType(boolean visibleToCitizen) {
        this.visibleToCitizen = visibleToCitizen;
    }

    public boolean visibleToCitizen() {
        return visibleToCitizen;
    }
}
