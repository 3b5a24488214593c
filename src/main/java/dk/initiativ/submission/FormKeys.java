package dk.initiativ.submission;

import java.util.ArrayList;
import java.util.List;

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

    private FormKeys() {
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

    @SuppressWarnings("unchecked")
    private static List<String> issued(HttpSession session) {
        return session.getAttribute(ATTRIBUTE) instanceof List<?> keys ? (List<String>) keys : List.of();
    }
}
