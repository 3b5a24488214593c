package dk.initiativ.matching;

import java.time.Duration;

import dk.initiativ.support.Browser;
import dk.initiativ.support.LocalModeTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matching rules page in a real headless Chromium (issue 13, ADR 0041): the admin opens it from the
 * administration, edits one cell in dmn-js's decision-table editor (Mørkøv joins the villages' rule), tries the
 * table on the last cases, deploys it as version 2, and meets a refused table (an unknown team typed in the XML
 * field) with the rule row named; axe-core finds no violation in Danish and in English, editor included.
 */
@LocalModeTest
class MatchingRulesBrowserTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired RepositoryService repository;

    @AfterEach
    void tearDown() {
        for (Deployment deployment : repository.createDeploymentQuery().deploymentName(MatchingRules.DEPLOYMENT_NAME)
                .list()) {
            repository.deleteDeployment(deployment.getId(), true);
        }
        jdbc.update("DELETE FROM matching_rule_version");
    }

    @Test
    void anAdminEditsACellTriesTheTableAndDeploysIt() {
        try (Browser browser = Browser.desktop()) {
            browser.logIn(url(""), "admin");
            browser.open(url("/admin"));
            browser.click("#admin-rules");
            browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/admin/regler") ? true : null);
            browser.find("#dmn-editor[data-ready='true']");
            assertThat(browser.find("#rules-version").getText()).contains("Version 1", "leveret med systemet");
            assertThat(browser.find("#rules-summary").getText()).contains("Tuse Næs", "Social og sundhed");
            browser.assertAccessible();

            // one cell in dmn-js: the villages' rule also catches Mørkøv
            String cell = "[data-element-id='Rule_VillageDistricts_District']";
            new Actions(browser.driver()).click(browser.find(cell)).pause(Duration.ofMillis(300))
                    .sendKeys(Keys.END).sendKeys(",\"moerkoev\"").perform();
            browser.waitUntil(driver -> browser.find(cell).getText().contains("moerkoev") ? true : null);
            browser.click("#dry-run-submit");
            browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/admin/regler/proeve") ? true : null);
            assertThat(browser.find("#dry-run-summary").getText()).startsWith("Tabellen er prøvet på");
            assertThat(browser.find("#rules-summary").getText()).contains("Mørkøv");
            browser.find("#dmn-editor[data-ready='true']");
            browser.assertAccessible();
            browser.fullPageScreenshot("admin-matching-rules-dry-run.png");

            assertThat(browser.find("#deploy-submit").getText()).isEqualTo("Udrul som version 2");
            browser.click("#deploy-submit");
            browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/admin/regler") ? true : null);
            assertThat(browser.find("#notice").getText()).contains("Version 2 er udrullet");
            assertThat(browser.find("#rules-version").getText()).contains("Version 2", "udrullet af admin");
            assertThat(browser.find("#rules-summary").getText()).contains("Mørkøv");
            browser.find("#dmn-editor[data-ready='true']");
            browser.assertAccessible();
            browser.fullPageScreenshot("admin-matching-rules.png");

            // the XML field, the editor without JavaScript: an unknown team is refused with the row named
            browser.click("#xml-details summary");
            ((JavascriptExecutor) browser.driver()).executeScript("var f = document.getElementById('xml');"
                    + "f.value = f.value.split('\"social-sundhed\"').join('\"ukendt-team\"');"
                    + "f.dispatchEvent(new Event('change'));");
            browser.click("#dry-run-submit");
            browser.waitUntil(driver -> driver.findElements(By.id("error-summary")).isEmpty() ? null : true);
            assertThat(browser.find("#error-summary").getText()).contains("Række 1, kolonne Team: teamet »ukendt-team« findes ikke.");
            browser.assertAccessible();

            browser.open(url("/admin/regler?lang=en"));
            browser.find("#dmn-editor[data-ready='true']");
            assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
            assertThat(browser.find("#rules-version").getText()).contains("Version 2", "deployed by admin");
            browser.assertAccessible();
            browser.click("#dry-run-submit");
            browser.waitUntil(driver -> driver.findElements(By.id("dry-run-summary")).isEmpty() ? null : true);
            assertThat(browser.find("#dry-run-summary").getText()).contains("would now go to another team");
            browser.assertAccessible();
            browser.open(url("/admin?lang=da"));
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
