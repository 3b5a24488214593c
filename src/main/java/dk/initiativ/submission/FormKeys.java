package dk.initiativ.submission;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpSession;
import org.springframework.web.util.WebUtils;

/**
 * The one-time form keys this session was given, the latest {@value #KEPT} of them. A key counts only in
 * the session it was issued to: a repeated post of one's own form shows its receipt, while another
 * session's key (copied or replayed) is treated as no key at all and never shows that case's receipt.
 */
final class FormKeys {

    static final int KEPT = 20;
    private static final String ATTRIBUTE = FormKeys.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** 256 random bits, URL-safe Base64 without padding. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{43}");

    private FormKeys() {
    }

    /** A fresh key for a new form, issued to this session. */
    static String issueNew(HttpSession session) {
        return issue(session, newKey());
    }

    /**
     * The key a posted form carries, if it is well formed and was issued to this session; otherwise (a tampered or
     * very old form, or another session's key, whose receipt is not this session's to see) a new one, so that this
     * post cannot be repeated into two cases.
     */
    static String postedOrNew(HttpSession session, String posted) {
        return posted != null && KEY.matcher(posted).matches() && issuedTo(session, posted) ? posted
                : issueNew(session);
    }

    static String issue(HttpSession session, String key) {
        synchronized (WebUtils.getSessionMutex(session)) {
            ArrayList<String> keys = new ArrayList<>(issued(session));
            keys.add(key);
            while (keys.size() > KEPT) {
                keys.remove(0);
            }
            session.setAttribute(ATTRIBUTE, keys);
        }
        return key;
    }

    static boolean issuedTo(HttpSession session, String key) {
        synchronized (WebUtils.getSessionMutex(session)) {
            return issued(session).contains(key);
        }
    }

    private static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @SuppressWarnings("unchecked")
    private static List<String> issued(HttpSession session) {
        return session.getAttribute(ATTRIBUTE) instanceof List<?> keys ? (List<String>) keys : List.of();
    }
}
