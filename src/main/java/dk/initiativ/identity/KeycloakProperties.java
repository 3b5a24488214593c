package dk.initiativ.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Keycloak is.
 *
 * @param url          as the citizen's and staff's browsers reach it
 * @param internalUrl  as the application reaches it (differs inside a container network)
 * @param realm        the realm imported from {@code keycloak/}
 * @param clientId     the application's confidential client
 * @param clientSecret its secret
 */
@ConfigurationProperties("initiativ.keycloak")
record KeycloakProperties(
        @DefaultValue("http://localhost:8180") String url,
        String internalUrl,
        @DefaultValue("initiativ") String realm,
        @DefaultValue("initiativ-app") String clientId,
        String clientSecret) {

    String backchannelUrl() {
        return internalUrl == null || internalUrl.isBlank() ? url : internalUrl;
    }

    String issuerUrl() {
        return backchannelUrl() + "/realms/" + realm;
    }

    String adminUrl() {
        return backchannelUrl() + "/admin/realms/" + realm;
    }

    String browserLogoutUrl() {
        return url + "/realms/" + realm + "/protocol/openid-connect/logout";
    }
}
