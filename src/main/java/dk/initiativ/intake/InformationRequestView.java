package dk.initiativ.intake;

import java.time.Instant;

/**
 * A question from intake to the citizen and their answer, as the citizen reads it.
 *
 * @param answer     the citizen's answer, or {@code null} while open or after it expired unanswered
 * @param status     {@code OPEN}, {@code ANSWERED} or {@code EXPIRED}
 */
public record InformationRequestView(String question, Instant askedAt, String answer, Instant answeredAt,
        String status) {
}
