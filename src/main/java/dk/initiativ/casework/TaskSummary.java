package dk.initiativ.casework;

import java.util.Date;

/** A task in a staff member's work list. */
public record TaskSummary(String taskId, String taskKey, String name, String caseNumber, String assignee,
        Date created, Date due) {
}
