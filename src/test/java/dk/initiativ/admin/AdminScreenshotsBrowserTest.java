package dk.initiativ.admin;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.initiativ.support.ApiClient;
import dk.initiativ.support.Browser;
import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every admin page once, as the demo's admin sees it at desktop width (issue 13, "Done when"): each opens in Danish
 * without an error, axe-core finds no violation, and one PNG is written per page: into {@code docs/screenshots/}
 * when run with {@code -Dinitiativ.screenshots=true}, else under {@code target/screenshots/}. Then every one of them
 * and the forms for a new entry (pool, topic, district, team, partner) and a topic's own page once more in English:
 * {@code lang="en"}, and axe-core finds no violation (issue 13: "0 violations on every admin page, in both
 * languages"). A person's profile is
 * shown with two absence periods far ahead (added through the API and removed again, so matching today is untouched).
 */
@LocalModeTest
class AdminScreenshotsBrowserTest {

    /** Long lists (the change record, the access log) are cut at this height: the top is what a reader sees first. */
    private static final double MAX_HEIGHT = 3600;

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;

    @Test
    void everyAdminPageIsAccessibleAndPhotographedAtDesktopWidth() {
        ApiClient api = new ApiClient(http);
        String person = jdbc.queryForObject("SELECT user_id FROM staff_profile ORDER BY display_name LIMIT 1",
                String.class);
        LocalDate far = LocalDate.now().plusDays(200);
        List<Long> absences = List.of(absence(api, person, far, far.plusDays(4), "Ferie"),
                absence(api, person, far.plusDays(30), null, "Orlov"));
        try {
            long pool = jdbc.queryForObject("SELECT id FROM funding_pool ORDER BY id LIMIT 1", Long.class);
            long partner = jdbc.queryForObject("SELECT id FROM partner WHERE kind = 'ASSOCIATION' AND active"
                    + " ORDER BY id LIMIT 1", Long.class);
            long department = jdbc.queryForObject("SELECT id FROM department WHERE group_id = 'vej-park'",
                    Long.class);
            long type = jdbc.queryForObject("SELECT id FROM permit_type WHERE code = 'brug-af-offentligt-areal'",
                    Long.class);
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("/admin", "admin-home.png");
            pages.put("/admin/puljer", "admin-pools.png");
            pages.put("/admin/puljer/" + pool, "admin-pool.png");
            pages.put("/admin/medarbejdere", "admin-staff.png");
            pages.put("/admin/medarbejdere/" + person, "admin-staff-profile.png");
            pages.put("/admin/emner", "admin-topics.png");
            pages.put("/admin/omraader", "admin-districts.png");
            pages.put("/admin/teams", "admin-teams.png");
            pages.put("/admin/teams/natur-kultur", "admin-team.png");
            pages.put("/admin/netvaerk", "admin-network.png");
            pages.put("/admin/netvaerk/" + partner, "admin-network-partner.png");
            pages.put("/admin/tilladelser", "admin-permits.png");
            pages.put("/admin/tilladelser/afdelinger/" + department, "admin-permit-department.png");
            pages.put("/admin/tilladelser/typer/" + type, "admin-permit-type.png");
            pages.put("/admin/befolkning", "admin-population.png");
            pages.put("/admin/regler", "admin-matching-rules.png");
            pages.put("/admin/aendringer", "admin-changes.png");
            pages.put("/adgangslog", "admin-access-log.png");
            pages.put("/sletning", "admin-erasure.png");
            String topic = jdbc.queryForObject("SELECT code FROM topic ORDER BY code LIMIT 1", String.class);
            List<String> more = List.of("/admin/puljer/ny", "/admin/emner/ny", "/admin/omraader/ny", "/admin/teams/ny",
                    "/admin/netvaerk/ny", "/admin/emner/" + topic, "/medarbejdere/" + person + "/flyt-sager");
            try (Browser browser = Browser.desktop()) {
                browser.logIn(url(""), "admin");
                for (Map.Entry<String, String> page : pages.entrySet()) {
                    open(browser, page.getKey(), "da");
                    browser.fullPageScreenshot(page.getValue(), MAX_HEIGHT);
                }
                for (String page : more) {
                    open(browser, page, "da");
                }
                for (String page : pages.keySet()) {
                    open(browser, page, "en");
                }
                for (String page : more) {
                    open(browser, page, "en");
                }
                // the profile shows both periods, and its history reads like the change record
                browser.open(url("/admin/medarbejdere/" + person + "?lang=da"));
                assertThat(browser.find("main").getText()).contains("Ferie", "Orlov", "Fraværsperioder");
            }
        } finally {
            absences.forEach(id -> api.as("admin").exchange("/api/admin/staff/" + person + "/absences/" + id,
                    HttpMethod.DELETE, null, Map.class));
        }
    }

    /** Opens the page in the language: a heading, the page's language, and no violation found by axe-core. */
    private void open(Browser browser, String path, String lang) {
        browser.open(url(path + (path.contains("?") ? "&" : "?") + "lang=" + lang));
        assertThat(browser.find("h1").getText()).as(path).isNotBlank();
        assertThat(browser.find("html").getAttribute("lang")).as(path).isEqualTo(lang);
        browser.assertAccessible();
    }

    /** Adds a period through the admin API; its id. */
    private long absence(ApiClient api, String person, LocalDate from, LocalDate until, String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", from.toString());
        body.put("until", until == null ? null : until.toString());
        body.put("note", note);
        ResponseEntity<Map> added = api.post("admin", "/api/admin/staff/" + person + "/absences", body);
        assertThat(added.getStatusCode().value()).as(String.valueOf(added.getBody())).isEqualTo(201);
        return jdbc.queryForObject("SELECT MAX(id) FROM staff_absence", Long.class);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
