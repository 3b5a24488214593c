package dk.initiativ.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs {@link MailSender#sendDue()} every {@code initiativ.mail.poll-interval}, unless sending is disabled. */
@Component
@ConditionalOnProperty(name = "initiativ.mail.sending-enabled", havingValue = "true", matchIfMissing = true)
class MailPoller {

    private static final Logger log = LoggerFactory.getLogger(MailPoller.class);

    private final MailSender sender;

    MailPoller(MailSender sender) {
        this.sender = sender;
    }

    @Scheduled(fixedDelayString = "${initiativ.mail.poll-interval:2s}", initialDelayString = "${initiativ.mail.poll-interval:2s}")
    void poll() {
        try {
            sender.sendDue();
        } catch (RuntimeException e) {
            // the database may be briefly away; the next run tries again
            log.warn("Mail outbox run failed: {}", e.toString());
        }
    }
}
