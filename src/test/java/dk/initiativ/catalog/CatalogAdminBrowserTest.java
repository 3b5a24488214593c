package dk.initiativ.catalog;

import java.util.List;
import java.util.UUID;

import dk.initiativ.support.Browser;
import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Topics, local areas and teams in a real headless Chromium (issue 13): the admin reaches them from the
 * administration's start page, creates a topic with an emoji (a refused duplicate first, with the message next to
 * the field), retires it, and opens a team; axe-core finds no violation on any of these pages, in Danish and in
 * English, with and without field errors.
 */
@LocalModeTest
class CatalogAdminBrowserTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired CatalogService catalog;

    @AfterEach
    void tearDown() {
        jdbc.update("DELETE FROM topic WHERE code LIKE 'tbrw-%' AND code NOT IN (SELECT topic FROM initiative)");
        jdbc.update("DELETE FROM team WHERE code LIKE 't-brw%'");
        catalog.changed();
    }

    @Test
    void anAdminMaintainsTopicsAreasAndTeamsOnAccessiblePages() {
        String word = UUID.randomUUID().toString().substring(0, 6);
        String name = "Havefællesskab " + word + " 🌻";
        try (Browser browser = Browser.desktop()) {
            browser.logIn(url(""), "admin");
            browser.open(url("/admin"));
            browser.click("#admin-topics");
            browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/admin/emner") ? true : null);
            assertThat(browser.find("#catalog-table").getText()).contains("Natur og miljø", "I brug");
            browser.assertAccessible();
            browser.fullPageScreenshot("admin-topics.png");

            browser.click("#catalog-new");
            browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/admin/emner/ny") ? true : null);
            browser.assertAccessible();
            // a Danish name another topic has (ignoring case): refused next to the field
            browser.type("#nameDa", "natur og miljø");
            browser.type("#nameEn", "Gardening " + word);
            browser.type("#code", "tbrw-" + word);
            browser.click("#catalog-submit");
            assertThat(browser.find("#nameDa-error").getText())
                    .contains("Der findes allerede et emne med det danske navn");
            assertThat(browser.find("#error-summary a[href='#nameDa']").getText()).contains("Der findes allerede");
            browser.assertAccessible();
            browser.find("#nameDa").clear();
            browser.type("#nameDa", name);
            browser.click("#catalog-submit");
            browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/admin/emner/tbrw-" + word) ? true : null);
            assertThat(browser.find("#notice").getText()).contains("Oprettet");
            assertThat(browser.find("#entry-title").getText()).isEqualTo(name);
            browser.assertAccessible();

            browser.click("#active-submit");
            browser.waitForText("Taget ud af brug.");
            assertThat(browser.find("#entry-status").getText()).isEqualTo("Udgået");
            assertThat(browser.find("#history-table").getText()).contains("Oprettet", "Ændret");
            browser.assertAccessible();
            browser.fullPageScreenshot("admin-topic.png");
            String topicPath = "/admin/emner/tbrw-" + word;

            browser.open(url("/admin/omraader"));
            assertThat(browser.find("#catalog-table").getText()).contains("Tølløse");
            browser.assertAccessible();

            browser.open(url("/admin/teams"));
            assertThat(browser.find("#teams-table").getText()).contains("Social og sundhed", "mads");
            browser.assertAccessible();
            browser.fullPageScreenshot("admin-teams.png");
            browser.click("#team-new");
            browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/admin/teams/ny") ? true : null);
            browser.type("#name", "Browserteam " + word);
            browser.type("#code", "t-brw" + word);
            browser.type("#managers", "anna");
            browser.click("#team-submit");
            assertThat(browser.find("#managers-error").getText()).contains("gruppen Ledere");
            browser.assertAccessible();
            browser.find("#managers").clear();
            browser.type("#managers", "manager\nmads");
            browser.click("#team-submit");
            browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/admin/teams/t-brw" + word) ? true : null);
            assertThat(browser.find("#notice").getText()).contains("Teamet er oprettet.");
            browser.assertAccessible();
            browser.fullPageScreenshot("admin-team.png");

            // in English
            for (String path : List.of("/admin", "/admin/emner", "/admin/emner/ny", topicPath, "/admin/omraader",
                    "/admin/omraader/ny", "/admin/teams", "/admin/teams/ny", "/admin/teams/t-brw" + word)) {
                browser.open(url(path + "?lang=en"));
                assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
                browser.assertAccessible();
            }
            assertThat(browser.find("#describe-heading").getText()).isEqualTo("Name and managers");
            browser.open(url("/admin?lang=da"));
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
