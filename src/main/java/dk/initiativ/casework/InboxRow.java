package dk.initiativ.casework;

import java.time.Instant;
import java.time.LocalDate;

import dk.initiativ.initiative.Stage;

/**
 * One row of an inbox view: a task (task views) or a case (case views), with the case's facts.
 *
 * @param taskId              the task (task views; {@code null} in case views)
 * @param taskKey             the BPMN element id of the task, e.g. {@code Task_ScreenInitiative}
 * @param assignee            who has the task ({@code null}: nobody has claimed it)
 * @param contactPersonName   the contact person's name from their staff profile ({@code null}: none or no profile)
 * @param due                 the task's due date, or the case's next deadline (the soonest of its open tasks)
 * @param dueDate             {@code due} as a date in the municipality's zone
 * @param workingDaysLeft     working days from today to the due date (0 on the day, negative when overdue)
 * @param lastCitizenActivity the citizen's latest message, answer, withdrawal, survey or submission
 * @param unreadMessages      the citizen's messages after the case's contact person (or, without one, the reader)
 *                            last opened the case page
 * @param escalated           the case waits for its team manager to pick a contact person
 * @param awaitingAcceptance  a proposed contact person has not accepted the case yet
 * @param noEmail             the citizen gave no e-mail address (registered by staff): the system mails them nothing
 */
public record InboxRow(String caseNumber, String title, String citizenName, Stage stage, String topic,
        String district, Instant submittedAt, String taskId, String taskKey, String taskName, String assignee,
        String contactPerson, String contactPersonName, Instant due, LocalDate dueDate, Integer workingDaysLeft,
        DeadlineState deadlineState, Instant lastCitizenActivity, int unreadMessages, boolean escalated,
        boolean awaitingAcceptance, boolean noEmail) {
}
