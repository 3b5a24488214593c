package dk.initiativ.casework;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The staff member behind a request: user id and role groups, as Spring Security authenticated them. */
public record StaffUser(String userId, List<String> groups) {

    public static StaffUser of(Authentication authentication) {
        List<String> groups = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .toList();
        return new StaffUser(authentication.getName(), groups);
    }

    public boolean isIn(String group) {
        return groups.contains(group);
    }
}
