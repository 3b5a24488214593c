package dk.initiativ.network;

import java.time.Instant;

/**
 * A registry partner linked to a case.
 *
 * @param contact the partner's contact e-mail, else its phone number, else {@code null}
 * @param note    what the partner does for the initiative, or {@code null}
 */
public record PartnerLinkView(String partnerName, PartnerKind kind, String contact, String note, String linkedBy,
        Instant linkedAt) {
}
