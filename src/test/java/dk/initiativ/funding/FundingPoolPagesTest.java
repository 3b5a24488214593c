package dk.initiativ.funding;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.initiativ.support.AdminHistory;
import dk.initiativ.support.ApiClient;
import dk.initiativ.support.LocalModeTest;
import dk.initiativ.support.SessionClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin's pool pages and the pools' JSON API over real HTTP (issue 13): a pool created and changed through the
 * forms (with the session's CSRF token), each refused form with its message next to the field and nothing stored,
 * a stale budget refused with a message, the change record's page and API showing the changes.
 */
@LocalModeTest
class FundingPoolPagesTest {

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void tearDown() {
        jdbc.update("DELETE FROM funding_pool WHERE name LIKE 'Sidetest %'");
    }

    private static String name() {
        return "Sidetest " + UUID.randomUUID().toString().substring(0, 8);
    }

    private long pools() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM funding_pool", Long.class);
    }

    @Test
    void anAdminCreatesAndChangesAPoolThroughTheForms() {
        SessionClient admin = new SessionClient(port).logIn("admin");
        assertThat(admin.get("/admin").body()).contains("href=\"/admin/puljer\"", "href=\"/admin/aendringer\"");
        assertThat(admin.get("/admin/puljer").body()).contains("Lokalpuljen", "Åben");
        String csrf = admin.csrfTokenOf("/admin/puljer/ny");
        String name = name();

        // refused: no criteria, a budget that is no amount; nothing stored
        long before = pools();
        HttpResponse<String> refused = admin.postForm("/admin/puljer/ny", form(csrf, name, "", "1000"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"criteria-error\"", "Skriv puljens kriterier");
        assertThat(pools()).isEqualTo(before);
        refused = admin.postForm("/admin/puljer/ny", form(csrf, name, "Til legepladser", "mange penge"));
        assertThat(refused.body()).contains("id=\"totalBudget-error\"", "Skriv beløbet i kroner");
        assertThat(pools()).isEqualTo(before);

        HttpResponse<String> created = admin.postForm("/admin/puljer/ny", form(csrf, name, "Til legepladser",
                "150.000"));
        assertThat(created.statusCode()).isEqualTo(302);
        String poolPath = created.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(poolPath).matches("/admin/puljer/[0-9]+");
        String page = admin.get(poolPath).body();
        assertThat(page).contains("Puljen er oprettet.", name, "150.000 kr.");

        // a duplicate name: the message next to the name
        refused = admin.postForm("/admin/puljer/ny", form(csrf, name.toLowerCase(), "Igen", "1000"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"name-error\"", "Der findes allerede en pulje med det navn");
        assertThat(pools()).isEqualTo(before + 1);

        // the budget: a reason is required, then the change is made; a form read before it is refused
        Map<String, String> budget = new LinkedHashMap<>(Map.of("_csrf", csrf, "from", "150000", "totalBudget",
                "175.000,50", "reason", ""));
        refused = admin.postForm(poolPath + "/budget", budget);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"reason-error\"", "Skriv hvorfor budgettet ændres");
        budget.put("reason", "Flere penge fra byrådet");
        assertThat(admin.postForm(poolPath + "/budget", budget).statusCode()).isEqualTo(302);
        assertThat(admin.get(poolPath).body()).contains("Budgettet er ændret.", "175.000,50 kr.",
                "Flere penge fra byrådet");
        budget.put("totalBudget", "100000");
        HttpResponse<String> stale = admin.postForm(poolPath + "/budget", budget);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("id=\"newBudget-error\"", "En anden har ændret budgettet");

        // closed through the description form (the checkbox left out)
        Map<String, String> edit = new LinkedHashMap<>(Map.of("_csrf", csrf, "name", name, "criteria",
                "Til legepladser og bænke", "applicationDeadline", "2031-03-31", "fundOfficerGroup", "fund-officer"));
        assertThat(admin.postForm(poolPath, edit).statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/puljer").body()).contains(name, "Lukket", "31. marts 2031");
        // the pool's history reads like the change record: labels, amounts in kroner, yes/no in Danish, no JSON
        String history = AdminHistory.of(admin.get(poolPath).body());
        assertThat(history).contains("Budget ændret", "Budget i alt", "150.000 kr.", "175.000,50 kr.",
                "Åben for ansøgninger", "Ja", "Nej", "Flere penge fra byrådet", "Kriterier").doesNotContain("totalBudget<");
        assertThat(AdminHistory.of(new SessionClient(port).logIn("admin").get(poolPath + "?lang=en").body()))
                .contains("Total budget", "Open for applications", "Budget changed");

        // the change record: the three changes, filtered by kind; a bad date with its message
        String record = admin.get("/admin/aendringer?type=funding-pool").body();
        assertThat(record).contains("Oprettet", "Budget ændret", "Ændret", "Flere penge fra byrådet");
        HttpResponse<String> badDate = admin.get("/admin/aendringer?fra=i-morgen");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("id=\"fra-error\"", "Skriv datoen som år-måned-dag");
    }

    @Test
    void theApiCreatesChangesAndRefusesWithProblemDetails() {
        ApiClient api = new ApiClient(http);
        String name = name();
        ResponseEntity<Map> created = api.post("admin", "/api/admin/funding-pools", Map.of("name", name,
                "criteria", "Til bænke", "totalBudget", 50000, "fundOfficerGroup", "fund-officer"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Number id = (Number) created.getBody().get("id");
        assertThat(created.getBody()).containsEntry("open", true).containsEntry("name", name);

        assertThat(ApiClient.fieldError(api.post("admin", "/api/admin/funding-pools", Map.of("name", name,
                "criteria", "Igen", "totalBudget", 1, "fundOfficerGroup", "fund-officer"))))
                .containsEntry("field", "name")
                .containsEntry("message", "Der findes allerede en pulje med det navn. Vælg et andet navn.");
        assertThat(ApiClient.fieldError(api.post("admin", "/api/admin/funding-pools/" + id + "/budget",
                Map.of("from", 50000, "to", -1, "reason", "Fejl")))).containsEntry("field", "totalBudget");

        assertThat(api.post("admin", "/api/admin/funding-pools/" + id + "/budget",
                Map.of("from", 50000, "to", 40000, "reason", "Besparelse")).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<Map> stale = api.post("admin", "/api/admin/funding-pools/" + id + "/budget",
                Map.of("from", 50000, "to", 30000, "reason", "Besparelse"));
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) stale.getBody().get("detail")).contains("En anden har ændret budgettet");

        ResponseEntity<Map> updated = api.as("admin").exchange("/api/admin/funding-pools/" + id, HttpMethod.PUT,
                new HttpEntity<>(Map.of("name", name, "criteria", "Til borde", "fundOfficerGroup", "fund-officer",
                        "open", false), ApiClient.json()), Map.class);
        assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(updated.getBody()).containsEntry("open", false);
        assertThat(new BigDecimal(updated.getBody().get("totalBudget").toString())).isEqualByComparingTo("40000");

        Map<?, ?> changes = api.get("admin", "/api/admin/changes?kind=funding-pool&entityId=" + id).getBody();
        assertThat(changes.get("total")).isEqualTo(3);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) changes.get("changes");
        assertThat(rows).extracting(row -> row.get("action")).containsExactly("UPDATE", "BUDGET", "CREATE");
        assertThat(rows.get(1)).containsEntry("reason", "Besparelse").containsEntry("who", "admin");
        assertThat((String) rows.get(1).get("before")).contains("\"totalBudget\":50000");
        assertThat(ApiClient.fieldError(api.get("admin", "/api/admin/changes?kind=ukendt")))
                .containsEntry("field", "kind");
    }

    private static Map<String, String> form(String csrf, String name, String criteria, String budget) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf);
        form.put("name", name);
        form.put("criteria", criteria);
        form.put("totalBudget", budget);
        form.put("applicationDeadline", "");
        form.put("fundOfficerGroup", "fund-officer");
        form.put("open", "true");
        return form;
    }
}
