package dk.initiativ.citizen;

import java.time.Instant;
import java.util.List;

import dk.initiativ.casework.AgreementView;
import dk.initiativ.initiative.CaseEventType;
import dk.initiativ.initiative.Outcome;
import dk.initiativ.initiative.Stage;

/**
 * What the citizen sees through the private tracking link: their case and the timeline entries meant
 * for them. Staff names beyond the contact person and internal notes are left out.
 */
public record CitizenCaseView(String caseNumber, String title, Stage stage, Outcome outcome, Instant submittedAt,
        Instant closedAt, Integer progressPercent, String openQuestion, ContactPerson contactPerson,
        AgreementView agreement, List<Entry> timeline, List<MessageView> messages) {

    /** The contact person once they have taken the case: name and how to reach them. */
    public record ContactPerson(String name, String email, String phone) {
    }


    /** One timeline entry; {@code detail} is the question asked or the reason for a redirect. */
    public record Entry(CaseEventType type, Instant occurredAt, String detail, String relatedCaseNumber) {
    }
}
