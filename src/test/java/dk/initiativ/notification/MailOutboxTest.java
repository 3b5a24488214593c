package dk.initiativ.notification;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dk.initiativ.support.LocalModeTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox against a real SMTP server (GreenMail on the port the test configuration points
 * spring.mail at) and the embedded MariaDB. The poller is off in tests; each test runs {@code sendDue()}.
 */
@LocalModeTest
class MailOutboxTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(3125, "localhost", ServerSetup.PROTOCOL_SMTP));

    @Autowired
    MailOutbox outbox;

    @Autowired
    MailSender sender;

    @Autowired
    MailTemplates templates;

    @Autowired
    MailProperties properties;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    ObjectProvider<JavaMailSender> javaMailSender;

    @Autowired
    Clock clock;

    /** Unique per test: the shared database may hold other tests' mails. */
    String tag;

    @BeforeEach
    void flushOtherMails() throws Exception {
        sender.sendDue();
        smtp.purgeEmailFromAllMailboxes();
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aCommittedMailArrivesOnceWithSubjectAndBodies() throws Exception {
        String to = "borger-" + tag + "@example.org";
        transaction.executeWithoutResult(status -> outbox.enqueue(new OutgoingMail(to, "Kvittering " + tag,
                "Tak for dit initiativ om æblehaven", "<p>Tak for dit initiativ om <b>æblehaven</b></p>")));
        assertThat(row(to)).containsEntry("status", "PENDING");
        assertThat(smtp.getReceivedMessages()).isEmpty();

        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(sender.sendDue()).isZero();

        MimeMessage[] received = received(to);
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Kvittering " + tag);
        assertThat(received[0].getFrom()[0].toString()).isEqualTo(properties.from());
        String parts = allParts(received[0]);
        assertThat(parts).contains("Tak for dit initiativ om æblehaven")
                .contains("<p>Tak for dit initiativ om <b>æblehaven</b></p>");
        Map<String, Object> row = row(to);
        assertThat(row).containsEntry("status", "SENT").containsEntry("attempts", 1);
        assertThat(row.get("sent_at")).isNotNull();
        assertThat(row.get("claimed_by")).isNull();
    }

    @Test
    void aMailsContentIsStoredAsItIsAndRenderedOnlyWhenItIsSent() throws Exception {
        String to = "indhold-" + tag + "@example.org";
        MailContent content = new MailContent(to, Locale.forLanguageTag("da-DK"), "Kvittering\n" + tag)
                .greeting("Kære Åse 🌳").paragraph("Tak for <b>æblehaven</b>").fact("Sagsnummer", "INI-2026-000042")
                .link("Følg sagen", "https://initiativ.example/track/abc")
                .section(new MailContent.Section("Aftalen", List.of("Skrevet ned"), List.of(), "Citat", "Vi mødes"));
        transaction.executeWithoutResult(status -> outbox.enqueue(content));
        // the submission's transaction wrote one row: what the mail says, no rendered body
        Map<String, Object> stored = jdbc.queryForMap("SELECT subject, text_body, html_body, content FROM mail_outbox"
                + " WHERE recipient = ?", to);
        assertThat(stored.get("text_body")).isNull();
        assertThat(stored.get("html_body")).isNull();
        assertThat(stored.get("subject")).isEqualTo("Kvittering " + tag);
        assertThat((String) stored.get("content")).contains("æblehaven").contains("🌳").doesNotContain("<html");

        assertThat(sender.sendDue()).isEqualTo(1);
        MimeMessage[] received = received(to);
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Kvittering " + tag);
        String parts = allParts(received[0]);
        assertThat(templates.render(content).htmlBody()).contains("Tak for &lt;b&gt;æblehaven&lt;/b&gt;");
        assertThat(parts).contains("Kære Åse 🌳")
                .contains("Tak for &lt;b&gt;æblehaven&lt;/b&gt;").contains("INI-2026-000042").contains("Vi mødes")
                .contains("https://initiativ.example/track/abc");
    }

    @Test
    void aStoredMailThatCannotBeReadIsRetriedAndThenGivenUpLikeARefusedOne() {
        String to = "ulaeselig-" + tag + "@example.org";
        jdbc.update("INSERT INTO mail_outbox (recipient, subject, content, status, attempts, next_attempt_at,"
                + " created_at, version) VALUES (?, 'Ulæselig', '{\"to\": [', 'PENDING', ?, ?, ?, 0)", to,
                properties.maxAttempts() - 1, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minusMinutes(1),
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minusMinutes(1));
        assertThat(sender.sendDue()).isZero();
        assertThat(row(to)).containsEntry("status", "FAILED");
        assertThat((String) row(to).get("last_error")).contains("cannot be read");
        assertThat(received(to)).isEmpty();
    }

    @Test
    void aPlainTextMailHasNoHtmlPart() throws Exception {
        String to = "plain-" + tag + "@example.org";
        transaction.executeWithoutResult(status -> outbox.enqueue(new OutgoingMail(to, "Svar " + tag, "Kun tekst")));
        sender.sendDue();
        MimeMessage[] received = received(to);
        assertThat(received).hasSize(1);
        assertThat(received[0].isMimeType("text/plain")).isTrue();
        assertThat(((String) received[0].getContent()).trim()).isEqualTo("Kun tekst");
    }

    @Test
    void aMailOfARolledBackTransactionNeverLeaves() {
        String to = "rollback-" + tag + "@example.org";
        transaction.executeWithoutResult(status -> {
            outbox.enqueue(new OutgoingMail(to, "Aldrig " + tag, "Denne mail findes ikke"));
            status.setRollbackOnly();
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", Integer.class, to))
                .isZero();
        sender.sendDue();
        assertThat(received(to)).isEmpty();
    }

    @Test
    void enqueueNeedsTheCallersTransaction() {
        assertThatThrownBy(() -> outbox.enqueue(new OutgoingMail("x-" + tag + "@example.org", "Uden", "Uden")))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void anSmtpServerThatIsDownFailsSoftlyAndTheMailIsRetriedLaterExactlyOnce() throws Exception {
        String to = "retry-" + tag + "@example.org";
        transaction.executeWithoutResult(status -> outbox.enqueue(new OutgoingMail(to, "Senere " + tag, "Forsinket")));
        smtp.stop();
        LocalDateTime before = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);

        int[] sent = new int[1];
        assertThatCode(() -> sent[0] = sender.sendDue()).doesNotThrowAnyException();
        assertThat(sent[0]).isZero();
        Map<String, Object> row = row(to);
        assertThat(row).containsEntry("status", "PENDING").containsEntry("attempts", 1);
        assertThat((LocalDateTime) row.get("next_attempt_at"))
                .isAfterOrEqualTo(before.plus(properties.retryInitial()));
        assertThat((String) row.get("last_error")).isNotBlank();
        assertThat(row.get("claimed_by")).isNull();

        smtp.start();
        // not due yet: the backoff holds it back
        assertThat(sender.sendDue()).isZero();
        assertThat(received(to)).isEmpty();

        // time passes the backoff
        jdbc.update("UPDATE mail_outbox SET next_attempt_at = ? WHERE recipient = ?",
                LocalDateTime.of(2000, 1, 1, 0, 0), to);
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(sender.sendDue()).isZero();
        assertThat(received(to)).hasSize(1);
        assertThat(row(to)).containsEntry("status", "SENT").containsEntry("attempts", 2);
        assertThat(row(to).get("last_error")).isNull();
    }

    @Test
    void twoSendersAtOnceSendEachMailExactlyOnce() throws Exception {
        int mails = 20;
        String to = "race-" + tag + "@example.org";
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < mails; i++) {
                outbox.enqueue(new OutgoingMail(to, "Nr. " + i + " " + tag, "Mail nummer " + i));
            }
        });
        MailSender otherNode = new MailSender(jdbc, transactionManager, javaMailSender, templates,
                withNodeId("other-node-" + tag), clock, new SimpleMeterRegistry());
        assertThat(otherNode.nodeId()).isNotEqualTo(sender.nodeId());

        ExecutorService nodes = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        try {
            for (MailSender node : List.of(sender, otherNode)) {
                Callable<Integer> run = () -> {
                    start.await();
                    return node.sendDue();
                };
                runs.add(nodes.submit(run));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> run : runs) {
                total += run.get(60, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(mails);
        } finally {
            nodes.shutdownNow();
        }

        MimeMessage[] received = received(to);
        assertThat(received).hasSize(mails);
        assertThat(Arrays.stream(received).map(MailOutboxTest::subject).distinct()).hasSize(mails);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ? AND status = 'SENT'"
                + " AND attempts = 1", Integer.class, to)).isEqualTo(mails);
    }

    @Test
    void aClaimOfAnotherNodeIsRespectedUntilItsLeaseRunsOut() {
        String to = "lease-" + tag + "@example.org";
        transaction.executeWithoutResult(status -> outbox.enqueue(new OutgoingMail(to, "Lejet " + tag, "Lejet")));
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.update("UPDATE mail_outbox SET claimed_by = 'dead-node', claimed_until = ? WHERE recipient = ?",
                now.plusMinutes(5), to);
        sender.sendDue();
        assertThat(received(to)).isEmpty();

        // the node died mid-send: its lease runs out
        jdbc.update("UPDATE mail_outbox SET claimed_until = ? WHERE recipient = ?", now.minusSeconds(1), to);
        sender.sendDue();
        assertThat(received(to)).hasSize(1);
        assertThat(row(to)).containsEntry("status", "SENT");
    }

    @Test
    void aMailIsGivenUpAfterTheLastAttempt() {
        String to = "failed-" + tag + "@example.org";
        transaction.executeWithoutResult(status -> outbox.enqueue(new OutgoingMail(to, "Opgivet " + tag, "Opgivet")));
        jdbc.update("UPDATE mail_outbox SET attempts = ? WHERE recipient = ?", properties.maxAttempts() - 1, to);
        smtp.stop();

        assertThatCode(sender::sendDue).doesNotThrowAnyException();
        Map<String, Object> row = row(to);
        assertThat(row).containsEntry("status", "FAILED").containsEntry("attempts", properties.maxAttempts());
        assertThat((String) row.get("last_error")).isNotBlank();

        smtp.start();
        jdbc.update("UPDATE mail_outbox SET next_attempt_at = ? WHERE recipient = ?",
                LocalDateTime.of(2000, 1, 1, 0, 0), to);
        sender.sendDue();
        assertThat(received(to)).isEmpty();
        assertThat(row(to)).containsEntry("status", "FAILED");
    }

    private Map<String, Object> row(String to) {
        return jdbc.queryForObject("""
                SELECT status, attempts, next_attempt_at, last_error, sent_at, claimed_by
                FROM mail_outbox WHERE recipient = ?""", (rs, i) -> {
            Map<String, Object> row = new java.util.HashMap<>();
            row.put("status", rs.getString("status"));
            row.put("attempts", rs.getInt("attempts"));
            row.put("next_attempt_at", rs.getObject("next_attempt_at", LocalDateTime.class));
            row.put("last_error", rs.getString("last_error"));
            row.put("sent_at", rs.getObject("sent_at", LocalDateTime.class));
            row.put("claimed_by", rs.getString("claimed_by"));
            return row;
        }, to);
    }

    private static MimeMessage[] received(String to) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(address -> address.toString().equals(to));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(MimeMessage[]::new);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String allParts(jakarta.mail.Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(allParts(multipart.getBodyPart(i))).append('\n');
            }
            return text.toString();
        }
        return String.valueOf(content);
    }

    private MailProperties withNodeId(String nodeId) {
        return new MailProperties(properties.from(), properties.sendingEnabled(), properties.pollInterval(),
                properties.batchSize(), properties.lease(), properties.retryInitial(), properties.retryMax(),
                properties.maxAttempts(), nodeId, properties.embeddedSmtp());
    }
}
