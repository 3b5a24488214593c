package dk.initiativ.notification;

import java.time.Clock;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded run's SMTP server catches mails and keeps the latest for the admins, newest first. */
class EmbeddedSmtpTest {

    EmbeddedSmtp server;
    JavaMailSenderImpl sender;

    @BeforeEach
    void start() {
        server = new EmbeddedSmtp(3126, 2, Clock.systemUTC());
        server.afterPropertiesSet();
        sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(server.port());
        sender.setJavaMailProperties(server.javaMailProperties());
    }

    @AfterEach
    void stop() {
        server.destroy();
    }

    @Test
    void caughtMailsAreKeptNewestFirstUpToTheLimit() throws Exception {
        send("a@example.org", "Første", "én", null);
        send("b@example.org", "Anden", "to", "<p>to</p>");
        send("c@example.org", "Tredje", "tre", null);

        List<EmbeddedSmtp.CaughtMail> latest = server.latest();
        assertThat(latest).extracting(EmbeddedSmtp.CaughtMail::subject).containsExactly("Tredje", "Anden");
        assertThat(latest.get(0).to()).isEqualTo("c@example.org");
        assertThat(latest.get(0).textBody().trim()).isEqualTo("tre");
        assertThat(latest.get(0).hasHtml()).isFalse();
        assertThat(latest.get(1).textBody().trim()).isEqualTo("to");
        assertThat(latest.get(1).hasHtml()).isTrue();
    }

    private void send(String to, String subject, String text, String html) throws Exception {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, html != null, "UTF-8");
        helper.setFrom("noreply@example.org");
        helper.setTo(to);
        helper.setSubject(subject);
        if (html == null) {
            helper.setText(text);
        } else {
            helper.setText(text, html);
        }
        sender.send(message);
    }
}
