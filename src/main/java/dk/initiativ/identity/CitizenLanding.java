package dk.initiativ.identity;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Where a login lands: back on the page that asked for it, as before; else a citizen (and only a
 * citizen, not staff who also hold the role) on "my initiatives", staff (department members included) in their
 * inbox, anyone else on the start page.
 */
final class CitizenLanding extends SavedRequestAwareAuthenticationSuccessHandler {

    static final String MY_INITIATIVES = "/my";
    static final String INBOX = "/indbakke";

    @Override
    protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) {
        if (isCitizenOnly(authentication)) {
            return MY_INITIATIVES;
        }
        return isStaff(authentication) ? INBOX : super.determineTargetUrl(request, response, authentication);
    }

    static boolean isStaff(Authentication authentication) {
        Set<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return Arrays.stream(Role.STAFF_AND_DEPARTMENTS).anyMatch(staff -> authorities.contains("ROLE_" + staff));
    }

    static boolean isCitizenOnly(Authentication authentication) {
        if (authentication == null) {
            return false;
        }
        Set<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return authorities.contains(Role.CITIZEN.authority())
                && Arrays.stream(Role.STAFF).noneMatch(staff -> authorities.contains("ROLE_" + staff));
    }
}
