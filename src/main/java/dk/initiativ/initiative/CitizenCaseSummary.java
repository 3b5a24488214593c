package dk.initiativ.initiative;

import java.time.Instant;

/** One line of a logged-in citizen's "my initiatives"; {@code trackingToken} opens its tracking page. */
public record CitizenCaseSummary(String caseNumber, String title, Stage stage, Outcome outcome, Instant submittedAt,
        String trackingToken) {
}
