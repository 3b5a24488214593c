package dk.initiativ.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way to send an e-mail: the mail is stored in the caller's transaction and leaves later, through
 * {@link MailSender}. It therefore leaves only if the caller's transaction commits, and an SMTP server that
 * is down or slow never blocks nor fails the caller. A {@link MailContent} is stored as it is and rendered by the
 * sender ({@link MailSender}), so the caller's transaction pays for one row, not for the templates.
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

    /**
     * Stores what the mail says, due at once; the templates render it when it is sent.
     *
     * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(MailContent mail) {
        LocalDateTime now = utc(clock.instant());
        jdbc.update("""
                INSERT INTO mail_outbox (recipient, case_number, subject, content, status, attempts, next_attempt_at,
                                         created_at, version)
                VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?, 0)""",
                mail.getTo(), mail.getCaseNumber(), MailTemplates.oneLine(mail.getSubject()), write(mail), now, now);
    }

    /** The stored content of a mail, as {@link #enqueue(MailContent)} wrote it. */
    static MailContent read(String json) {
        try {
            return JSON.readValue(json, MailContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored mail cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    private static String write(MailContent mail) {
        try {
            return JSON.writeValueAsString(mail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A mail cannot be stored: " + e.getOriginalMessage(), e);
        }
    }

    /** The content's fields as they are (not the application's mapper, so its settings cannot change a stored mail). */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .visibility(PropertyAccessor.ALL, Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, Visibility.ANY)
            .visibility(PropertyAccessor.CREATOR, Visibility.ANY)
            .build();

    /** The outbox stores UTC wall-clock times, independent of the JVM's and the server's time zone. */
    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
