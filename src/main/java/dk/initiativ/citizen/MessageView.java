package dk.initiativ.citizen;

import java.time.Instant;

/** A message as the citizen and staff read it; {@code authorName} is the staff member's name, or null for the citizen. */
public record MessageView(boolean fromCitizen, String authorName, String body, Instant sentAt) {
}
