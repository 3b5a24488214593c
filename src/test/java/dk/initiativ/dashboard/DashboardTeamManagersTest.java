package dk.initiativ.dashboard;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.initiativ.support.ApiClient;
import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team with two managers (ADR 0037), created by an admin through the API: the dashboard's default team filter of
 * each manager includes it, beside the teams they led before.
 */
@LocalModeTest
class DashboardTeamManagersTest {

    @Autowired TestRestTemplate http;
    @Autowired DashboardController controller;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void tearDown() {
        jdbc.update("DELETE FROM team WHERE code LIKE 't-dash%'");
    }

    @Test
    void bothManagersOfATeamSeeItOnTheDashboardByDefault() {
        String code = "t-dash" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(new ApiClient(http).post("admin", "/api/admin/teams", Map.of("code", code,
                "name", "Dashboard-team " + code, "managers", List.of("manager", "mads"))).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        assertThat(controller.filters(null, null, null, null, null, user("manager")).scope().teamCodes())
                .contains(code, "natur-kultur").doesNotContain("social-sundhed");
        assertThat(controller.filters(null, null, null, null, null, user("mads")).scope().teamCodes())
                .contains(code, "social-sundhed").doesNotContain("natur-kultur");
    }

    private static UsernamePasswordAuthenticationToken user(String name) {
        return UsernamePasswordAuthenticationToken.authenticated(name, null,
                List.of(new SimpleGrantedAuthority("ROLE_manager")));
    }
}
