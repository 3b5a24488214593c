package dk.initiativ.permits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import dk.initiativ.support.Browser;
import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Departments, permit types and population figures in a real headless Chromium (issue 13, ADR 0040): the admin
 * reaches them from the administration's start page, meets refused forms with the message next to the field (an
 * unknown group, a name in use, a CSV file with a bad line listed by its number), adds a permit type and a year of
 * figures; axe-core finds no violation on any of these pages, in Danish and in English.
 */
@LocalModeTest
class PermitsAdminBrowserTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void tearDown() {
        jdbc.update("DELETE FROM population WHERE year >= 2150");
        jdbc.update("DELETE FROM permit_type WHERE name_da LIKE 'Browsertype %'");
    }

    @Test
    void anAdminMaintainsPermitTypesAndUploadsPopulationFigures() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        try (Browser browser = Browser.desktop()) {
            browser.logIn(url(""), "admin");
            browser.open(url("/admin"));
            browser.find("#admin-permits").sendKeys(Keys.ENTER);
            browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/admin/tilladelser") ? true : null);
            assertThat(browser.find("#departments-table").getText()).contains("Vej og Park", "Byg og Miljø");
            assertThat(browser.find("#types-table").getText()).contains("Byggetilladelse", "40 arbejdsdage");
            browser.assertAccessible();

            // a department whose group the identity does not know
            browser.type("#dep-group", "ingen-saadan-gruppe");
            browser.type("#dep-nameDa", "Ingen afdeling");
            browser.type("#dep-nameEn", "No department");
            browser.click("#department-submit");
            assertThat(browser.find("#dep-group-error").getText()).contains("Brugerstyringen kender ikke gruppen");
            assertThat(browser.find("#error-summary a[href='#dep-group']").getText()).contains("kender ikke gruppen");
            browser.assertAccessible();

            // a type whose Danish name is in use, then a good one
            browser.type("#type-nameDa", "byggetilladelse");
            browser.type("#type-nameEn", "Browsertype " + suffix);
            new Select(browser.find("#type-departmentGroup")).selectByValue("byg-miljoe");
            browser.click("#type-submit");
            assertThat(browser.find("#type-nameDa-error").getText()).contains("Navnet er allerede i brug");
            browser.assertAccessible();
            browser.type("#type-nameDa", "Browsertype " + suffix + " 🎪");
            browser.type("#type-decisionDays", "8");
            browser.click("#type-submit");
            browser.waitForText("Tilladelsestypen er tilføjet.");
            assertThat(browser.find("#types-table").getText()).contains("Browsertype " + suffix + " 🎪", "8 arbejdsdage");
            browser.fullPageScreenshot("admin-permits.png");
            String code = jdbc.queryForObject("SELECT code FROM permit_type WHERE name_en = ?", String.class,
                    "Browsertype " + suffix);
            browser.click("#type-" + code);
            browser.waitUntil(driver -> driver.getCurrentUrl().matches(".*/admin/tilladelser/typer/[0-9]+$") ? true : null);
            String typeUrl = browser.currentUrl().replaceFirst("^https?://[^/]+", "");
            browser.assertAccessible();
            browser.click("#type-active");
            browser.click("#type-submit");
            browser.waitForText("Ændringen er gemt.");
            assertThat(browser.find("[data-code='" + code + "']").getText()).contains("Trukket tilbage");
            String departmentUrl = "/admin/tilladelser/afdelinger/" + jdbc.queryForObject(
                    "SELECT id FROM department WHERE group_id = 'vej-park'", Long.class);
            browser.open(url(departmentUrl));
            browser.assertAccessible();

            // population: a file with a bad line is refused and listed, then a good file is stored
            browser.open(url("/admin"));
            browser.click("#admin-population");
            browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/admin/befolkning") ? true : null);
            browser.assertAccessible();
            Path bad = Files.createTempFile("befolkning", ".csv");
            Files.writeString(bad, "district,age_band,inhabitants\nholbaek-by,UNDER_18,5310\nholbaek-by,teen,4120\n",
                    StandardCharsets.UTF_8);
            browser.find("#file").sendKeys(bad.toString());
            browser.type("#year", "2160");
            browser.type("#source", "Danmarks Statistik, FOLK1A");
            browser.click("#population-submit");
            assertThat(browser.find("#population-lines").getText())
                    .contains("Linje 3, kolonne age_band: aldersgruppen \"teen\" findes ikke");
            assertThat(browser.find("#file-error").getText()).contains("Intet er gemt");
            browser.assertAccessible();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM population WHERE year = 2160", Integer.class)).isZero();
            Path good = Files.createTempFile("befolkning", ".csv");
            Files.writeString(good, "district;age_band;inhabitants\nholbaek-by;0-17;5310\nholbaek-by;18-29;4120\n",
                    StandardCharsets.UTF_8);
            browser.find("#file").sendKeys(good.toString());
            browser.click("#population-submit");
            browser.waitForText("Befolkningstallene er indlæst.");
            assertThat(browser.find("[data-year='2160']").getText()).contains("2160", "Danmarks Statistik", "9.430");
            browser.assertAccessible();
            browser.fullPageScreenshot("admin-population.png");

            for (String path : new String[] {"/admin/tilladelser", typeUrl, departmentUrl, "/admin/befolkning"}) {
                browser.open(url(path + "?lang=en"));
                assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
                browser.assertAccessible();
            }
            assertThat(browser.find("#population-title").getText()).isEqualTo("Population figures");
            browser.open(url("/admin?lang=da"));
            Files.deleteIfExists(bad);
            Files.deleteIfExists(good);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
