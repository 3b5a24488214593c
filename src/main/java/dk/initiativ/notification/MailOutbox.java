package dk.initiativ.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way to send an e-mail: the mail is stored in the caller's transaction and leaves later, through
 * {@link MailSender}. It therefore leaves only if the caller's transaction commits, and an SMTP server that
 * is down or slow never blocks nor fails the caller.
 */
@Service
class MailOutbox {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    MailOutbox(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Stores the mail for sending, due at once.
     *
     * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(OutgoingMail mail) {
        LocalDateTime now = utc(clock.instant());
        jdbc.update("""
                INSERT INTO mail_outbox (recipient, subject, text_body, html_body, status, attempts, next_attempt_at,
                                         created_at, version)
                VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?, 0)""",
                mail.to(), mail.subject(), mail.textBody(), mail.htmlBody(), now, now);
    }

    /** The outbox stores UTC wall-clock times, independent of the JVM's and the server's time zone. */
    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
