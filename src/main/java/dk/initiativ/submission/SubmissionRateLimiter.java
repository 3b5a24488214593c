package dk.initiativ.submission;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-client token buckets (Bucket4j) on submissions. The client is the request's remote address as
 * Tomcat resolves it: behind a reverse proxy that the server trusts ({@code server.forward-headers-strategy:
 * native} and {@code server.tomcat.remoteip.internal-proxies}) it is the address the proxy puts into
 * X-Forwarded-For; from anyone else the header is ignored, so it cannot be forged to escape the limit.
 * IPv6 clients are limited per /64 network, since one household can use a whole /64.
 * <p>
 * The buckets live in MariaDB ({@link RateLimitBuckets}, table {@code bucket4j_buckets}), keyed by the limit's
 * name and the client, so every node draws on the same budget: two nodes behind a balancer allow a client the
 * capacity once, not twice (ADR 0034). A bucket's row expires when it would be full again and is then deleted.
 */
class SubmissionRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(SubmissionRateLimiter.class);

    private final RateLimitProperties properties;
    private final Set<String> exempt;
    private final ProxyManager<String> buckets;
    private final String limit;
    private final BucketConfiguration configuration;

    /**
     * @param limit the name of this limit, the first part of its buckets' keys: limits of different names
     *              never share a bucket
     */
    SubmissionRateLimiter(RateLimitProperties properties, ProxyManager<String> buckets, String limit) {
        this.properties = properties;
        this.buckets = buckets;
        this.limit = limit;
        this.exempt = properties.exemptAddresses().stream().map(SubmissionRateLimiter::clientKey)
                .collect(Collectors.toUnmodifiableSet());
        this.configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(properties.capacity())
                        .refillGreedy(properties.capacity(), properties.period()).build())
                .build();
    }

    /** What the limiter says about one more submission from a client. */
    record Decision(boolean allowed, Duration retryAfter) {

        static final Decision ALLOWED = new Decision(true, Duration.ZERO);

        /** Whole seconds to wait, at least one. */
        long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    /** Takes one submission from the client's bucket, if there is one left. */
    Decision tryConsume(HttpServletRequest request) {
        if (!properties.enabled()) {
            return Decision.ALLOWED;
        }
        String client = clientKey(request.getRemoteAddr());
        if (exempt.contains(client)) {
            return Decision.ALLOWED;
        }
        ConsumptionProbe probe = buckets.builder().build(limit + ":" + client, () -> configuration)
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Decision.ALLOWED;
        }
        log.info("Rate limit '{}' reached for client {}", limit, client);
        return new Decision(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** The bucket's key: the IPv4 address, or the /64 network of an IPv6 address. */
    static String clientKey(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        String literal = address.strip();
        if (!literal.contains(":")) {
            return literal;
        }
        try {
            // a literal, so no name lookup happens
            byte[] bytes = InetAddress.getByName(literal.replaceAll("^\\[|]$", "").replaceAll("%.*$", "")).getAddress();
            if (bytes.length != 16) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            if (isLoopback(bytes)) {
                return "::1";
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return literal;
        }
    }

    private static boolean isLoopback(byte[] bytes) {
        for (int i = 0; i < 15; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[15] == 1;
    }
}
