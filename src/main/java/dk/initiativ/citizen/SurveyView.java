package dk.initiativ.citizen;

import java.time.Instant;

/** The citizen's evaluation: a rating from 1 (poor) to 5 (very good) and an optional comment. */
public record SurveyView(int rating, String comment, Instant answeredAt) {
}
