package dk.initiativ.initiative;

import java.time.Instant;

/**
 * What the citizen gets back at once: the case number and the private tracking token (shown once;
 * only its hash is stored).
 */
public record SubmissionReceipt(String caseNumber, String trackingToken, Instant submittedAt) {
}
