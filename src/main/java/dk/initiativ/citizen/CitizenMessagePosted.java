package dk.initiativ.citizen;

/**
 * Published (a Spring application event) when the citizen writes a message on the tracking page,
 * synchronously inside the transaction that stores it: the staff member who has the case is told by e-mail.
 */
public record CitizenMessagePosted(String caseNumber) {
}
