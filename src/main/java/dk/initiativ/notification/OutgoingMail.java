package dk.initiativ.notification;

import java.util.Objects;

/**
 * One e-mail to one recipient, as handed to {@link MailOutbox#enqueue(OutgoingMail)}.
 *
 * @param to       the recipient's address
 * @param subject  the subject line
 * @param textBody the plain-text body (always sent)
 * @param htmlBody an HTML alternative of the body, or {@code null} for a plain-text mail
 */
record OutgoingMail(String to, String subject, String textBody, String htmlBody) {

    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
        if (to.isBlank()) {
            throw new IllegalArgumentException("An outgoing mail needs a recipient");
        }
    }

    /** A plain-text mail. */
    public OutgoingMail(String to, String subject, String textBody) {
        this(to, subject, textBody, null);
    }
}
