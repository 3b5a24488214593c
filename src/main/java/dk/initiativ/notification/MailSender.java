package dk.initiativ.notification;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static dk.initiativ.notification.MailOutbox.utc;

/**
 * Sends the due mails of the outbox. Safe on several nodes at once: each batch is claimed in a short
 * transaction of its own ({@code FOR UPDATE SKIP LOCKED}, then {@code claimed_by}/{@code claimed_until}),
 * and sent outside any transaction. A failed attempt is retried with exponential backoff; after
 * {@code initiativ.mail.max-attempts} the mail is given up (FAILED, logged as an error).
 * Delivery is at least once: a node that dies after the SMTP server took a mail, but before it recorded
 * that, leaves the row to be sent again when its lease runs out.
 */
@Service("outboxMailSender") // "mailSender" is Spring Boot's JavaMailSender
class MailSender {

    private static final Logger log = LoggerFactory.getLogger(MailSender.class);
    private static final int MAX_ERROR_LENGTH = 4000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final JavaMailSender smtp;
    private final MailTemplates templates;
    private final MailProperties properties;
    private final Clock clock;
    private final String nodeId;
    private final Counter sent;
    private final Counter failed;
    private final Counter retried;

    MailSender(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
            ObjectProvider<JavaMailSender> smtp, MailTemplates templates, MailProperties properties, Clock clock,
            MeterRegistry meters) {
        this.templates = templates;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.smtp = smtp.getIfAvailable();
        if (this.smtp == null) {
            throw new IllegalStateException("No SMTP server for the mail outbox: set spring.mail.host (and port,"
                    + " username, password), or leave initiativ.mail.embedded-smtp.enabled at true for the embedded run");
        }
        this.properties = properties;
        this.clock = clock;
        this.nodeId = properties.nodeId().isBlank() ? defaultNodeId() : properties.nodeId();
        this.sent = Counter.builder("initiativ.mail.sent").description("Mails handed to the SMTP server")
                .register(meters);
        this.failed = Counter.builder("initiativ.mail.failed")
                .description("Mails given up after the last attempt (status FAILED)").register(meters);
        this.retried = Counter.builder("initiativ.mail.retried")
                .description("Failed attempts that will be retried").register(meters);
        Gauge.builder("initiativ.mail.pending", jdbc,
                        j -> j.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE status = 'PENDING'", Long.class))
                .description("Mails waiting in the outbox").register(meters);
    }

    /** A claimed row: finished bodies (a plain mail), or the content that the templates render now. */
    private record Claimed(long id, String recipient, String subject, String textBody, String htmlBody, String content,
            int attempts) {
    }

    /**
     * Sends every mail that is due now and not claimed by another node, batch by batch.
     *
     * @return how many mails the SMTP server accepted in this run
     */
    public int sendDue() {
        int accepted = 0;
        List<Claimed> batch;
        while (!(batch = claim()).isEmpty()) {
            for (Claimed mail : batch) {
                if (send(mail)) {
                    accepted++;
                }
            }
        }
        return accepted;
    }

    /** This node's name in {@code claimed_by}. */
    String nodeId() {
        return nodeId;
    }

    private List<Claimed> claim() {
        List<Claimed> claimed = transaction.execute(status -> {
            LocalDateTime now = utc(clock.instant());
            List<Claimed> rows = jdbc.query("""
                    SELECT id, recipient, subject, text_body, html_body, content, attempts FROM mail_outbox
                    WHERE status = 'PENDING' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)
                    ORDER BY id LIMIT ?
                    FOR UPDATE SKIP LOCKED""",
                    (rs, i) -> new Claimed(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                            rs.getString("text_body"), rs.getString("html_body"), rs.getString("content"),
                            rs.getInt("attempts")),
                    now, now, properties.batchSize());
            LocalDateTime until = utc(clock.instant().plus(properties.lease()));
            for (Claimed row : rows) {
                jdbc.update("UPDATE mail_outbox SET claimed_by = ?, claimed_until = ?, version = version + 1"
                        + " WHERE id = ?", nodeId, until, row.id());
            }
            return rows;
        });
        return claimed == null ? Collections.emptyList() : claimed;
    }

    private boolean send(Claimed mail) {
        try {
            smtp.send(message(mail));
        } catch (MessagingException | RuntimeException e) {
            // a mail that cannot be rendered is retried and given up like one the SMTP server refused
            recordFailure(mail, e);
            return false;
        }
        int updated = jdbc.update("""
                UPDATE mail_outbox SET status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = NULL,
                       claimed_by = NULL, claimed_until = NULL, version = version + 1
                WHERE id = ? AND claimed_by = ?""", utc(clock.instant()), mail.id(), nodeId);
        if (updated == 0) {
            log.warn("Mail {} was sent, but its claim had run out and another node took it: it may arrive twice",
                    mail.id());
        }
        sent.increment();
        log.debug("Mail {} to {} sent", mail.id(), mail.recipient());
        return true;
    }

    private MimeMessage message(Claimed claimed) throws MessagingException {
        OutgoingMail mail = claimed.content() == null
                ? new OutgoingMail(claimed.recipient(), claimed.subject(), claimed.textBody(), claimed.htmlBody())
                : templates.render(MailOutbox.read(claimed.content()));
        MimeMessage message = smtp.createMimeMessage();
        boolean html = mail.htmlBody() != null;
        MimeMessageHelper helper = new MimeMessageHelper(message, html, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from());
        helper.setTo(claimed.recipient());
        helper.setSubject(claimed.subject());
        if (html) {
            helper.setText(mail.textBody(), mail.htmlBody());
        } else {
            helper.setText(mail.textBody());
        }
        helper.setSentDate(java.util.Date.from(clock.instant()));
        return message;
    }

    private void recordFailure(Claimed mail, Exception error) {
        int attempts = mail.attempts() + 1;
        String reason = describe(error);
        Instant now = clock.instant();
        if (attempts >= properties.maxAttempts()) {
            jdbc.update("""
                    UPDATE mail_outbox SET status = 'FAILED', attempts = ?, last_error = ?,
                           claimed_by = NULL, claimed_until = NULL, version = version + 1
                    WHERE id = ? AND claimed_by = ?""", attempts, reason, mail.id(), nodeId);
            failed.increment();
            log.error("Mail {} to {} ({}) given up after {} attempts: {}", mail.id(), mail.recipient(),
                    mail.subject(), attempts, reason);
        } else {
            Instant next = now.plus(properties.backoff(attempts));
            jdbc.update("""
                    UPDATE mail_outbox SET attempts = ?, next_attempt_at = ?, last_error = ?,
                           claimed_by = NULL, claimed_until = NULL, version = version + 1
                    WHERE id = ? AND claimed_by = ?""", attempts, utc(next), reason, mail.id(), nodeId);
            retried.increment();
            log.warn("Mail {} to {} not sent (attempt {} of {}), next attempt at {}: {}", mail.id(), mail.recipient(),
                    attempts, properties.maxAttempts(), next, reason);
        }
    }

    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null && text.length() < MAX_ERROR_LENGTH; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
            if (t.getCause() == t) {
                break;
            }
        }
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text.toString();
    }

    private static String defaultNodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String id = host + "-" + suffix;
        return id.length() > 100 ? id.substring(id.length() - 100) : id;
    }
}
