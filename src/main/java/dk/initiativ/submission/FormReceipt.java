package dk.initiativ.submission;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What the receipt page shows, kept in the session after the post (Post/Redirect/Get), so that a refresh
 * of the receipt shows it again without posting the form again.
 *
 * @param screeningBy the day by which intake has looked at the initiative (the configured working days)
 */
record FormReceipt(String caseNumber, String title, String trackingToken, Instant submittedAt, LocalDate screeningBy,
        String contactEmail, int attachmentCount) implements Serializable {

    static final String SESSION_ATTRIBUTE = FormReceipt.class.getName();
}
