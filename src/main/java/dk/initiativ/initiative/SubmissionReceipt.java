package dk.initiativ.initiative;

import java.time.Instant;

/** What the citizen gets back at once. */
public record SubmissionReceipt(String caseNumber, Instant submittedAt) {
}
