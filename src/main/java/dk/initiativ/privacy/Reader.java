package dk.initiativ.privacy;

import java.util.List;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The staff member behind a request, as Spring Security authenticated them: user id and role groups. */
record Reader(String userId, List<String> groups) {

    /** The request's authenticated user. */
    static Reader current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    static Reader of(Authentication authentication) {
        if (authentication == null || authentication.getName() == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            throw new IllegalStateException("an access to personal data without an authenticated reader");
        }
        return new Reader(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .toList());
    }
}
