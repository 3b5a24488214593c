package dk.initiativ.casework;

import java.time.Instant;

/**
 * An internal note as staff (and the citizen's data download) see it.
 *
 * @param authorName the staff member's name (their user id if the identity no longer knows them)
 */
public record NoteView(String authorName, String body, Instant writtenAt) {
}
