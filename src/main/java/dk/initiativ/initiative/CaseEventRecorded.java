package dk.initiativ.initiative;

import java.time.Instant;

/**
 * Published (a Spring application event) each time a case event is written, synchronously and inside the
 * transaction that writes it: a listener's own writes (the e-mails of the outbox) commit or roll back with it.
 *
 * @param initiativeId      the case's row id, so that a listener needs no look-up by case number
 * @param detail            the event's plain-text detail, as on the timeline, or {@code null}
 * @param relatedCaseNumber the other case of a duplicate link, or {@code null}
 * @param announced         false for an event nobody is told about by e-mail: the closing of a case whose personal
 *                          data an admin erases (ADR 0032)
 * @param occurredAt        when the event happened, as written to its row (so that the dashboard's projection of a
 *                          case's first event needs no read-back), or {@code null} where the publisher does not say
 * @param submitted         with a case's first event from its submission: what the new case row holds that the
 *                          dashboard's projection counts, so that it need not read the row back (issue 14); else
 *                          {@code null}
 */
public record CaseEventRecorded(long initiativeId, String caseNumber, CaseEventType type, String actor,
        String detail, String relatedCaseNumber, boolean announced, Instant occurredAt, SubmittedCase submitted) {

    /**
     * A new case as its row was stored: its submission moment (as written to the row), and the submitter's voluntary
     * answers (the age band's name, the home district's code; {@code null} where not answered). A new case has no
     * team, stage other than submitted, closure or outcome yet.
     */
    public record SubmittedCase(Instant submittedAt, String ageBand, String homeDistrict) {
    }

    /** An event that does not come with a new case's row. */
    public CaseEventRecorded(long initiativeId, String caseNumber, CaseEventType type, String actor, String detail,
            String relatedCaseNumber, boolean announced, Instant occurredAt) {
        this(initiativeId, caseNumber, type, actor, detail, relatedCaseNumber, announced, occurredAt, null);
    }

    /** An event whose time is not given: a listener that needs it reads the event's row. */
    public CaseEventRecorded(long initiativeId, String caseNumber, CaseEventType type, String actor, String detail,
            String relatedCaseNumber, boolean announced) {
        this(initiativeId, caseNumber, type, actor, detail, relatedCaseNumber, announced, null, null);
    }
}
