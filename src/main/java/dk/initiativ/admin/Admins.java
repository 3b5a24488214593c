package dk.initiativ.admin;

import dk.initiativ.web.ForbiddenException;
import org.springframework.security.core.Authentication;

/**
 * The second lock on every admin door: the security rules let only admins reach {@code /admin/**} and
 * {@code /api/admin/**}, and each handler checks again, so a rule changed by mistake opens nothing.
 */
public final class Admins {

    private Admins() {
    }

    /** The admin's user name, or a refusal (403) for anybody else. */
    public static String require(Authentication authentication) {
        boolean admin = authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> "ROLE_admin".equals(authority.getAuthority()));
        if (!admin) {
            throw new ForbiddenException((authentication == null ? "anonymous" : authentication.getName())
                    + " is no admin");
        }
        return authentication.getName();
    }
}
