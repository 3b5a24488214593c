package dk.initiativ.initiative;

import java.time.Instant;
import java.util.List;

/**
 * One page of the public showcase and how many there are in all. Only what the citizen agreed to show:
 * never their name or contact data.
 */
public record PublishedInitiatives(List<Entry> entries, long total) {

    /** A realised initiative as the public sees it; topic and district are catalogue codes. */
    public record Entry(String title, String description, String topic, String district, Outcome outcome,
            Instant closedAt) {
    }
}
