package dk.initiativ.citizen;

/**
 * Published (a Spring application event) when the contact person (or an admin) writes to the citizen,
 * synchronously inside the transaction that stores the message.
 *
 * @param author the staff member's user id
 */
public record StaffMessagePosted(String caseNumber, String author) {
}
