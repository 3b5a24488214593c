package dk.initiativ.identity;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/** How people log in: the local login form, or Keycloak (OIDC). Exactly one is active. */
interface LoginMode {

    void configure(HttpSecurity http) throws Exception;
}
