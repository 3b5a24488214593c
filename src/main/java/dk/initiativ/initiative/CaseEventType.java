package dk.initiativ.initiative;

/** The milestones of the case timeline. Texts are in messages_da/_en under {@code caseEvent.<TYPE>}. */
public enum CaseEventType {
    SUBMITTED(true),
    /**
     * An employee registered the initiative for the citizen (issue 15): the actor is the employee, the detail the
     * {@link Channel} it came in by. Recorded right after {@link #SUBMITTED}.
     */
    REGISTERED_BY_STAFF(true),
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
    SUPPORT_PLANNED(true),
    FUNDING_PROPOSED(true),
    FUNDING_GRANTED(true),
    FUNDING_REJECTED(true),
    PERMIT_REQUIRED(true),
    PERMIT_APPROVED(true),
    PERMIT_REFUSED(true),
    PARTNER_LINKED(true),
    POLITICAL_FORWARDED(true),
    POLITICAL_DECIDED(true),
    SUPPORT_COMPLETED(true),
    PROGRESS_RECORDED(true),
    CLOSED(true),
    WITHDRAWN(true),
    CLOSED_INACTIVE(true),
    /** The citizen answered the evaluation survey after closure; the rating itself is in the survey table. */
    SURVEY_ANSWERED(true);

    private final boolean visibleToCitizen;

    CaseEventType(boolean visibleToCitizen) {
        this.visibleToCitizen = visibleToCitizen;
    }

    public boolean visibleToCitizen() {
        return visibleToCitizen;
    }
}
