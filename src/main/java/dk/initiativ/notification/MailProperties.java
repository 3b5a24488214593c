package dk.initiativ.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox sends its mails.
 *
 * @param from           the sender address of every mail
 * @param sendingEnabled whether this node polls the outbox (the poller runs every {@code poll-interval});
 *                       {@link MailSender#sendDue()} works either way
 * @param pollInterval   pause between two runs of the poller
 * @param batchSize      rows one claim takes at most
 * @param lease          how long a claim is exclusive; after that (the node died mid-send) another node
 *                       may take the row again. Longer than sending a whole batch may take
 * @param retryInitial   wait after the first failed attempt; doubled after each further failure
 * @param retryMax       the longest wait between two attempts
 * @param maxAttempts    after this many failed attempts a mail is given up (status FAILED)
 * @param nodeId         names this node in {@code claimed_by}; empty: host name and a random suffix
 * @param embeddedSmtp   the SMTP server of the embedded run
 */
@ConfigurationProperties("initiativ.mail")
record MailProperties(
        @DefaultValue("noreply@initiativ.local") String from,
        @DefaultValue("true") boolean sendingEnabled,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("10") int batchSize,
        @DefaultValue("5m") Duration lease,
        @DefaultValue("30s") Duration retryInitial,
        @DefaultValue("1h") Duration retryMax,
        @DefaultValue("20") int maxAttempts,
        @DefaultValue("") String nodeId,
        @DefaultValue EmbeddedSmtp embeddedSmtp) {

    MailProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("initiativ.mail.batch-size must be at least 1");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("initiativ.mail.max-attempts must be at least 1");
        }
        if (retryInitial.isNegative() || retryInitial.isZero() || retryMax.compareTo(retryInitial) < 0) {
            throw new IllegalArgumentException("initiativ.mail.retry-initial must be positive and at most retry-max");
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("initiativ.mail.lease must be positive");
        }
    }

    /** The wait after the given number of failed attempts (1, 2, ...): exponential, capped. */
    Duration backoff(int failedAttempts) {
        Duration wait = retryInitial;
        for (int i = 1; i < failedAttempts && wait.compareTo(retryMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }

    /**
     * @param enabled starts GreenMail as the SMTP server, but only where {@code spring.mail.host} is not set
     * @param port    its SMTP port on localhost
     * @param keep    how many caught mails {@code GET /api/admin/mails} shows
     */
    record EmbeddedSmtp(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("3025") int port,
            @DefaultValue("50") int keep) {
    }
}
