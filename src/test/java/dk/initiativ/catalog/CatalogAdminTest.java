package dk.initiativ.catalog;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.initiativ.support.ApiClient;
import dk.initiativ.support.AdminHistory;
import dk.initiativ.support.LocalModeTest;
import dk.initiativ.support.SessionClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin's topics and districts over real HTTP on the embedded MariaDB (issue 13, ADR 0037): created, renamed and
 * retired through the forms and the JSON API; a retired entry vanishes from the citizen form and the catalogue API at
 * once and stays named on an old case; duplicate names (ignoring case) refused with the field named in Danish and in
 * English, nothing half stored; emoji stored and shown; every change in the change record.
 */
@LocalModeTest
class CatalogAdminTest {

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;
    @Autowired CatalogService catalog;

    @AfterEach
    void tearDown() {
        // what no case refers to goes; the rest stays retired, so that other tests see only the demo choices
        String ours = " (code LIKE 'tadm-%' OR code LIKE 'oestby-%')";
        for (String table : List.of("topic", "district")) {
            jdbc.update("UPDATE " + table + " SET active = FALSE WHERE" + ours);
        }
        jdbc.update("DELETE FROM topic WHERE" + ours + " AND code NOT IN (SELECT topic FROM initiative)"
                + " AND code NOT IN (SELECT topic_code FROM staff_competence)"
                + " AND code NOT IN (SELECT topic_code FROM partner_topic)");
        jdbc.update("DELETE FROM district WHERE" + ours + " AND code NOT IN (SELECT district FROM initiative)"
                + " AND code NOT IN (SELECT district_code FROM partner_district)"
                + " AND code NOT IN (SELECT district_code FROM population)");
        catalog.changed();
    }

    private static String word() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private long rows(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private long changes(String kind) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM reference_change WHERE entity_kind = ?", Long.class, kind);
    }

    @Test
    void anAdminCreatesRenamesAndRetiresATopicWhichVanishesFromTheFormAndStaysOnAnOldCase() {
        SessionClient admin = new SessionClient(port).logIn("admin");
        assertThat(admin.get("/admin").body()).contains("href=\"/admin/emner\"", "href=\"/admin/omraader\"",
                "href=\"/admin/teams\"");
        assertThat(admin.get("/admin/emner").body()).contains("Natur og miljø", "Nature and environment", "I brug");
        String csrf = admin.csrfTokenOf("/admin/emner/ny");
        String word = word();
        String code = "tadm-" + word;
        String nameDa = "Bier og blomster " + word + " 🐝";

        // refused: no English name, a bad code; nothing stored, nothing recorded
        long topics = rows("topic");
        long recorded = changes("topic");
        HttpResponse<String> refused = admin.postForm("/admin/emner/ny", form(csrf, code, nameDa, ""));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"nameEn-error\"", "Skriv navnet på engelsk");
        refused = admin.postForm("/admin/emner/ny", form(csrf, "Store Bogstaver", nameDa, "Bees " + word));
        assertThat(refused.body()).contains("id=\"code-error\"", "Skriv en kode med små bogstaver");
        // a Danish name taken by another topic, whatever its case
        refused = admin.postForm("/admin/emner/ny", form(csrf, code, "NATUR OG MILJØ", "Bees " + word));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"nameDa-error\"", "Der findes allerede et emne med det danske navn");
        assertThat(rows("topic")).isEqualTo(topics);
        assertThat(changes("topic")).isEqualTo(recorded);

        HttpResponse<String> created = admin.postForm("/admin/emner/ny", form(csrf, code, nameDa, "Bees " + word));
        assertThat(created.statusCode()).isEqualTo(302);
        String path = created.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(path).isEqualTo("/admin/emner/" + code);
        assertThat(admin.get(path).body()).contains("Oprettet. Den kan vælges med det samme.", nameDa);

        // offered at once on this node: the citizen form, the catalogue API in both languages
        assertThat(http.getForObject("/", String.class)).contains(nameDa);
        assertThat(catalogTopics("en")).contains(Map.of("code", code, "name", "Bees " + word));

        // a case about it, then renamed (the emoji kept) and retired
        ApiClient api = new ApiClient(http);
        String caseNumber = api.submit("Bistader " + word, code, "holbaek-by", List.of("PARTNERS")).caseNumber();
        String renamed = "Bier " + word + " 🌼";
        Map<String, String> names = new LinkedHashMap<>(Map.of("_csrf", csrf, "nameDa", renamed, "nameEn",
                "Bees and flowers " + word, "version", "0"));
        assertThat(admin.postForm(path, names).statusCode()).isEqualTo(302);
        assertThat(admin.get(path).body()).contains("Navnene er gemt.", renamed);
        // the same form again: its version is stale now, so it is refused and nothing is overwritten
        names.put("nameDa", "Forældet " + word);
        HttpResponse<String> stale = admin.postForm(path, names);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("En anden har ændret den");
        assertThat(jdbc.queryForObject("SELECT name_da FROM topic WHERE code = ?", String.class, code))
                .isEqualTo(renamed);

        assertThat(admin.postForm(path + "/aktiv", Map.of("_csrf", csrf, "active", "false", "version", "1"))
                .statusCode()).isEqualTo(302);
        assertThat(admin.get(path).body()).contains("Taget ud af brug.", "Udgået");
        // the topic's history reads like the change record: the names by label, in use yes/no, no JSON
        assertThat(AdminHistory.of(admin.get(path).body())).contains("Navn på dansk", renamed, "I brug", "Ja", "Nej");
        assertThat(http.getForObject("/", String.class)).doesNotContain(renamed);
        assertThat(catalogTopics("da")).extracting(entry -> entry.get("code")).doesNotContain(code);
        assertThat(catalog.topicExists(code)).isFalse();
        // a new case cannot choose it, the old case still shows its name
        Map<String, Object> again = Map.of("title", "Igen " + word, "description", "Igen", "topic", code,
                "district", "holbaek-by", "contactName", "Else Borger", "contactEmail", "else@example.org",
                "consent", true, "helpWanted", List.of("PARTNERS"));
        assertThat(ApiClient.fieldError(http.postForEntity("/api/initiatives", new HttpEntity<>(again,
                ApiClient.json()), Map.class))).containsEntry("field", "topic");
        assertThat(new SessionClient(port).logIn("admin").get("/cases/" + caseNumber).body()).contains(renamed);

        // the change record: created, renamed, retired
        List<String> actions = jdbc.queryForList("SELECT action FROM reference_change WHERE entity_kind = 'topic'"
                + " AND entity_id = ? ORDER BY id", String.class, code);
        assertThat(actions).containsExactly("CREATE", "UPDATE", "UPDATE");
        assertThat(admin.get("/admin/aendringer?type=topic").body()).contains("Emne", renamed);
    }

    @Test
    void aDistrictIsRetiredAndTakenBackIntoUseThroughTheApiWithProblemDetailsInBothLanguages() {
        ApiClient api = new ApiClient(http);
        String word = word();
        ResponseEntity<Map> created = api.post("admin", "/api/admin/districts", Map.of("nameDa", "Østby " + word,
                "nameEn", "East town " + word));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String code = (String) created.getBody().get("code");
        assertThat(code).isEqualTo("oestby-" + word);
        String newCode = "tadm-d" + word;
        ResponseEntity<Map> second = api.post("admin", "/api/admin/districts", Map.of("code", newCode,
                "nameDa", "Vestby " + word, "nameEn", "West town " + word));
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(http.getForObject("/", String.class)).contains("Vestby " + word);

        // duplicate names, ignoring case: the field named, the message in the caller's language; nothing stored
        long districts = rows("district");
        long recorded = changes("district");
        assertThat(ApiClient.fieldError(api.post("admin", "/api/admin/districts", Map.of("code", "tadm-x" + word,
                "nameDa", "vestby " + word.toUpperCase(), "nameEn", "Other " + word))))
                .containsEntry("field", "nameDa")
                .containsEntry("message",
                        "Der findes allerede et lokalområde med det danske navn. Vælg et andet navn.");
        ResponseEntity<Map> english = api.as("admin").exchange("/api/admin/districts", HttpMethod.POST,
                new HttpEntity<>(Map.of("code", "tadm-y" + word, "nameDa", "Andet " + word, "nameEn",
                        "WEST TOWN " + word), english()), Map.class);
        assertThat(ApiClient.fieldError(english)).containsEntry("field", "nameEn")
                .containsEntry("message", "A local area with that English name exists already. Choose another name.");
        assertThat(ApiClient.fieldError(api.post("admin", "/api/admin/districts", Map.of("code", newCode,
                "nameDa", "Tredje " + word, "nameEn", "Third " + word)))).containsEntry("field", "code");
        assertThat(ApiClient.fieldError(api.post("admin", "/api/admin/topics", Map.of("nameDa", "x".repeat(121),
                "nameEn", "Long " + word)))).containsEntry("field", "nameDa");
        assertThat(rows("district")).isEqualTo(districts);
        assertThat(changes("district")).isEqualTo(recorded);

        // retire with the version read; a stale version is a conflict
        ResponseEntity<Map> retired = put(api, "/api/admin/districts/" + newCode + "/active",
                Map.of("active", false, "version", 0));
        assertThat(retired.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retired.getBody()).containsEntry("active", false).containsEntry("version", 1);
        assertThat(put(api, "/api/admin/districts/" + newCode + "/active", Map.of("active", true, "version", 0))
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(http.getForObject("/", String.class)).doesNotContain("Vestby " + word);
        assertThat(catalog.districtExists(newCode)).isFalse();
        assertThat(catalog.districtNames(java.util.Locale.ENGLISH)).containsEntry(newCode, "West town " + word);
        assertThat(put(api, "/api/admin/districts/" + newCode + "/active", Map.of("active", true, "version", 1))
                .getBody()).containsEntry("active", true);
        assertThat(catalog.districtExists(newCode)).isTrue();
        assertThat(ApiClient.fieldError(put(api, "/api/admin/districts/" + newCode, Map.of("nameDa", "Vestby " + word,
                "nameEn", "West town " + word)))).containsEntry("field", "version");
        assertThat(put(api, "/api/admin/districts/ukendt-" + word, Map.of("nameDa", "A", "nameEn", "B",
                "version", 0)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        List<Map<String, Object>> list = api.as("admin").exchange("/api/admin/districts", HttpMethod.GET,
                new HttpEntity<>(ApiClient.json()), List.class).getBody();
        assertThat(list).extracting(entry -> entry.get("code")).contains(newCode, "holbaek-by");
    }

    private List<Map<String, Object>> catalogTopics(String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        return http.exchange("/api/catalog/topics", HttpMethod.GET, new HttpEntity<>(headers), List.class).getBody();
    }

    private static HttpHeaders english() {
        HttpHeaders headers = ApiClient.json();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
        return headers;
    }

    private static ResponseEntity<Map> put(ApiClient api, String path, Map<String, Object> body) {
        return api.as("admin").exchange(path, HttpMethod.PUT, new HttpEntity<>(body, ApiClient.json()), Map.class);
    }

    private static Map<String, String> form(String csrf, String code, String nameDa, String nameEn) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf);
        form.put("code", code);
        form.put("nameDa", nameDa);
        form.put("nameEn", nameEn);
        return form;
    }
}
