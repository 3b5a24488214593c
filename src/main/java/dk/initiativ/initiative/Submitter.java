package dk.initiativ.initiative;

/**
 * Who sends a submission, beyond what they typed.
 *
 * @param citizenUserId the logged-in citizen's user id ("my initiatives"), or null for an anonymous citizen
 * @param submissionKey the one-time key of the rendered form, or null (API); unique among cases, so that a
 *                      second post of the same form can never create a second case
 */
public record Submitter(String citizenUserId, String submissionKey) {

    public static final Submitter ANONYMOUS = new Submitter(null, null);
}
