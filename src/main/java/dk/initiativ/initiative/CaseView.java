package dk.initiativ.initiative;

import java.time.Instant;
import java.util.List;

/** A case as other features read it: its facts and its timeline. */
public record CaseView(Long id, String caseNumber, String title, String description, String topic, String district,
        String contactName, String contactEmail, String language, Stage stage, Outcome outcome, Instant submittedAt,
        Instant closedAt, String duplicateOfCaseNumber, String teamCode, String contactPerson,
        Integer progressPercent, List<TimelineEntry> timeline) {

    /** One timeline entry. */
    public record TimelineEntry(CaseEventType type, Instant occurredAt, String actor, boolean visibleToCitizen,
            String detail, String relatedCaseNumber) {
    }
}
