package dk.initiativ.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Properties;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * The SMTP server of the embedded run (GreenMail on localhost): it catches every mail, logs a line per
 * mail and recipient, and keeps the last few for {@code GET /api/admin/mails}. Nothing leaves the machine.
 */
class EmbeddedSmtp implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSmtp.class);

    /** A mail the embedded SMTP server caught, for one recipient. */
    record CaughtMail(Instant receivedAt, String to, String from, String subject, String textBody,
            boolean hasHtml) {
    }

    private final int port;
    private final int keep;
    private final Clock clock;
    private final Deque<CaughtMail> caught = new ArrayDeque<>();
    private GreenMail greenMail;

    EmbeddedSmtp(int port, int keep, Clock clock) {
        this.port = port;
        this.keep = keep;
        this.clock = clock;
    }

    int port() {
        return greenMail.getSmtp().getPort();
    }

    @Override
    public void afterPropertiesSet() {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        UserManager users = greenMail.getUserManager();
        MessageDeliveryHandler store = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, address) -> {
            remember(message.getMessage(), address.getEmail());
            return store.handle(message, address);
        });
        log.info("Embedded SMTP server (GreenMail) catches all mails on 127.0.0.1:{}; admins read the last {} at"
                + " GET /api/admin/mails", port(), keep);
    }

    @Override
    public void destroy() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    /** The mails caught last, newest first. */
    synchronized List<CaughtMail> latest() {
        return new ArrayList<>(caught);
    }

    private void remember(MimeMessage message, String to) {
        CaughtMail mail;
        try {
            String from = message.getFrom() == null || message.getFrom().length == 0 ? null
                    : message.getFrom()[0].toString();
            mail = new CaughtMail(clock.instant(), to, from, message.getSubject(), text(message, "text/plain"),
                    text(message, "text/html") != null);
        } catch (MessagingException | java.io.IOException e) {
            log.warn("Caught mail to {} could not be read: {}", to, e.toString());
            return;
        }
        log.info("Caught mail to {}: {}", mail.to(), mail.subject());
        synchronized (this) {
            caught.addFirst(mail);
            while (caught.size() > keep) {
                caught.removeLast();
            }
        }
    }

    private static String text(Part part, String type) throws MessagingException, java.io.IOException {
        if (part.isMimeType(type)) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = text(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The JavaMailSender settings that point at this server. */
    Properties javaMailProperties() {
        Properties properties = new Properties();
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "5000");
        properties.put("mail.smtp.writetimeout", "5000");
        return properties;
    }
}
