package dk.initiativ.politics;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A case's latest forwarding to a political committee and the committee's decision on it.
 *
 * @param decision  the decision as recorded, or {@code null} while the committee has not decided
 * @param decidedOn the day of the committee's decision, or {@code null} while it has not decided
 */
public record PoliticalDecisionView(String committee, Instant forwardedAt, String decision, LocalDate decidedOn) {
}
