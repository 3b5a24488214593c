package dk.initiativ.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Keycloak mode: OIDC login through Keycloak's login page; the roles come from the Camunda groups
 * that the Keycloak identity plugin ({@link KeycloakIdentityConfiguration}) reads from Keycloak.
 */
@Component
@ConditionalOnProperty(name = "initiativ.identity.mode", havingValue = "keycloak")
class KeycloakLoginMode implements LoginMode {

    private final KeycloakProperties keycloak;
    private final StaffAuthorities staffAuthorities;

    KeycloakLoginMode(KeycloakProperties keycloak, StaffAuthorities staffAuthorities) {
        this.keycloak = keycloak;
        this.staffAuthorities = staffAuthorities;
    }

    @Override
    public void configure(HttpSecurity http) throws Exception {
        OidcUserService oidcUsers = new OidcUserService();
        http.oauth2Login(login -> login.successHandler(new CitizenLanding()).userInfoEndpoint(userInfo -> userInfo.oidcUserService(request -> {
                    OidcUser user = oidcUsers.loadUser(request);
                    List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
                    authorities.addAll(staffAuthorities.of(user.getPreferredUsername()));
                    return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "preferred_username");
                })))
                .logout(logout -> logout.logoutSuccessHandler(keycloakLogout()).permitAll());
    }

    /** Ends the Keycloak session too, then comes back to the start page. */
    private LogoutSuccessHandler keycloakLogout() {
        return (request, response, authentication) -> {
            UriComponentsBuilder target = UriComponentsBuilder.fromUriString(keycloak.browserLogoutUrl())
                    .queryParam("client_id", keycloak.clientId())
                    .queryParam("post_logout_redirect_uri", baseUrl(request) + "/");
            idToken(authentication).ifPresent(token -> target.queryParam("id_token_hint", token));
            response.sendRedirect(target.encode().build().toUriString());
        };
    }

    private static Optional<String> idToken(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
            return Optional.of(user.getIdToken().getTokenValue());
        }
        return Optional.empty();
    }

    private static String baseUrl(HttpServletRequest request) {
        return UriComponentsBuilder.fromUriString(request.getRequestURL().toString())
                .replacePath(request.getContextPath()).replaceQuery(null).build().toUriString();
    }
}
