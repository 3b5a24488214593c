package dk.initiativ.identity;

import org.camunda.bpm.extension.keycloak.plugin.KeycloakIdentityProviderPlugin;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keycloak mode: Camunda reads users and groups from Keycloak (read-only) through the Camunda
 * Keycloak identity plugin, with user names as user ids and group paths as group ids.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "initiativ.identity.mode", havingValue = "keycloak")
class KeycloakIdentityConfiguration {

    @Bean
    KeycloakIdentityProviderPlugin keycloakIdentityProviderPlugin(KeycloakProperties keycloak) {
        KeycloakIdentityProviderPlugin plugin = new KeycloakIdentityProviderPlugin();
        plugin.setKeycloakIssuerUrl(keycloak.issuerUrl());
        plugin.setKeycloakAdminUrl(keycloak.adminUrl());
        plugin.setClientId(keycloak.clientId());
        plugin.setClientSecret(keycloak.clientSecret());
        plugin.setUseUsernameAsCamundaUserId(true);
        plugin.setUseGroupPathAsCamundaGroupId(true);
        plugin.setAdministratorGroupName(Role.ADMIN.groupId());
        plugin.setCacheEnabled(true);
        plugin.setCacheExpirationTimeoutMin(5);
        return plugin;
    }
}
