package dk.initiativ.initiative;

/**
 * Who sends a submission, beyond what they typed.
 *
 * @param citizenUserId the logged-in citizen's user id ("my initiatives"), or null for an anonymous citizen
 * @param submissionKey the one-time key of the rendered form, or null (API): a second post with the same key
 *                      returns the first receipt instead of creating a second case
 */
public record Submitter(String citizenUserId, String submissionKey) {

    public static final Submitter ANONYMOUS = new Submitter(null, null);
}
