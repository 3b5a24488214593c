package dk.initiativ.initiative;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The citizen's private tracking token (ADR 0005): 256 bits, URL-safe, derived with HMAC-SHA256 from a
 * random 128-bit salt per case and the server's secret ({@code initiativ.tracking.secret}). The table holds
 * the salt and the token's SHA-256, never the token: a copy of the database alone opens no tracking page,
 * while the application can put the link into every later e-mail to the citizen.
 */
@Component
class TrackingTokens {

    private static final Logger log = LoggerFactory.getLogger(TrackingTokens.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MIN_SECRET_LENGTH = 32;

    private final SecretKeySpec key;

    TrackingTokens(@Value("${initiativ.tracking.secret:}") String secret,
            @Value("${spring.datasource.url:}") String datasourceUrl,
            @Value("${initiativ.tracking.secret-file:.initiativ/tracking-secret}") Path secretFile) {
        String effective = secret;
        if (effective.isBlank()) {
            if (!datasourceUrl.isBlank()) {
                throw new IllegalStateException("Set initiativ.tracking.secret (environment variable"
                        + " INITIATIV_TRACKING_SECRET, at least " + MIN_SECRET_LENGTH + " characters): the citizens'"
                        + " tracking links are derived from it, so every node needs the same secret");
            }
            effective = embeddedRunSecret(secretFile);
        }
        if (effective.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("initiativ.tracking.secret must have at least " + MIN_SECRET_LENGTH
                    + " characters");
        }
        this.key = new SecretKeySpec(effective.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The embedded run keeps a generated secret beside its database, so links survive a restart. */
    private static String embeddedRunSecret(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file).strip();
            }
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String generated = HexFormat.of().formatHex(bytes);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, generated);
            log.info("Generated the tracking-link secret of the embedded run in {}", file.toAbsolutePath());
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the tracking-link secret " + file, e);
        }
    }

    /** A new token for a new case: the token goes to the citizen, salt and hash into the table. */
    Issued issue() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        String saltHex = HexFormat.of().formatHex(salt);
        String token = derive(saltHex);
        return new Issued(token, saltHex, hash(token));
    }

    /** The token of a case again (for a link in an e-mail); empty for a case stored without a salt. */
    Optional<String> tokenFor(Initiative initiative) {
        return Optional.ofNullable(initiative.getTrackingSalt()).map(this::derive);
    }

    /**
     * The short code of a case's printed receipt (ADR 0023): {@value #CODE_LENGTH} characters of Crockford's base 32
     * (60 bits), derived like the token from the case's salt under a label of its own, so that it can be printed
     * again and nothing of it is stored. Empty for a case stored without a salt.
     */
    Optional<String> codeFor(Initiative initiative) {
        return Optional.ofNullable(initiative.getTrackingSalt()).map(this::code);
    }

    /** Whether the typed code (already {@link #normalizedCode normalized}) is the case's code, in constant time. */
    boolean codeMatches(Initiative initiative, String normalizedCode) {
        return initiative.getTrackingSalt() != null && normalizedCode != null && MessageDigest.isEqual(
                code(initiative.getTrackingSalt()).getBytes(StandardCharsets.US_ASCII),
                normalizedCode.getBytes(StandardCharsets.US_ASCII));
    }

    static final int CODE_LENGTH = 12;
    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /**
     * A typed code as the application compares it: upper case, without spaces and hyphens, with the letters
     * Crockford's alphabet reads as digits (O as 0, I and L as 1); {@code null} when it cannot be a code at all.
     */
    static String normalizedCode(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.strip().toUpperCase(java.util.Locale.ROOT).replaceAll("[\\s-]", "")
                .replace('O', '0').replace('I', '1').replace('L', '1');
        if (code.length() != CODE_LENGTH || !code.chars().allMatch(c -> CROCKFORD.indexOf(c) >= 0)) {
            return null;
        }
        return code;
    }

    /** The code as printed: three groups of four, e.g. {@code K7QM-3XRT-9HCD}. */
    static String printedCode(String code) {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
    }

    private String code(String saltHex) {
        byte[] mac = mac("initiativ-tracking-code:" + saltHex);
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (mac[i] & 0xff);
        }
        bits >>>= 64 - 5 * CODE_LENGTH;
        char[] code = new char[CODE_LENGTH];
        for (int i = CODE_LENGTH - 1; i >= 0; i--) {
            code[i] = CROCKFORD.charAt((int) (bits & 31));
            bits >>>= 5;
        }
        return new String(code);
    }

    private String derive(String saltHex) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac("initiativ-tracking:" + saltHex));
    }

    private byte[] mac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** A freshly issued token with what is stored of it. */
    record Issued(String token, String salt, String hash) {
    }
}
