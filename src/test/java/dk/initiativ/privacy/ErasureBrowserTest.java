package dk.initiativ.privacy;

import java.util.List;
import java.util.Map;

import dk.initiativ.process.InitiativeProcess;
import dk.initiativ.support.ApiClient;
import dk.initiativ.support.Browser;
import dk.initiativ.support.LocalModeTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static dk.initiativ.process.InitiativeProcess.TASK_CLOSE_CASE;
import static dk.initiativ.process.InitiativeProcess.TASK_FOLLOW_UP;
import static dk.initiativ.process.InitiativeProcess.TASK_PLAN_SUPPORT;
import static dk.initiativ.support.ApiClient.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real headless Chromium, with axe-core in Danish and English (ADR 0032): the citizen withdraws the showcase
 * consent on the tracking page, an admin erases a case on the erasure page (with a field error first), and the
 * erased case's old link shows the anonymised page.
 */
@LocalModeTest
class ErasureBrowserTest {

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;

    @Test
    void consentWithdrawalErasureAndTheAnonymisedLinkInTheBrowser() {
        ApiClient api = new ApiClient(http);
        String title = "Browser: blomstereng ved stationen";
        ApiClient.Submitted shown = submitPublished(title);
        String contact = api.toSupportPlan(shown.caseNumber());
        closeRealised(api, contact, shown.caseNumber());
        ApiClient.Submitted open = api.submit("Browser: sletning af en åben sag", "natur-miljoe", "jyderup", List.of());

        try (Browser browser = Browser.desktop()) {
            // the citizen withdraws the consent: the section, the confirmation page, the notice
            browser.open(url("/track/" + shown.token()));
            assertThat(browser.find("#consent-heading").getText()).isEqualTo("Visning blandt de gode initiativer");
            browser.assertAccessible();
            browser.open(url("/track/" + shown.token() + "?lang=en"));
            assertThat(browser.find("#consent-heading").getText()).isEqualTo("Shown among the good initiatives");
            browser.assertAccessible();
            browser.click("#consent-link");
            browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/consent") ? true : null);
            assertThat(browser.find("#consent-title").getText())
                    .isEqualTo("Do you want to withdraw your consent to showing the initiative?");
            browser.assertAccessible();
            browser.open(url("/track/" + shown.token() + "/consent?lang=da"));
            assertThat(browser.find("#consent-title").getText())
                    .isEqualTo("Vil du trække dit samtykke til visning tilbage?");
            browser.assertAccessible();
            browser.click("#consent-confirm");
            browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/consent") ? null : true);
            assertThat(browser.find("#notice").getText()).contains("Du har trukket dit samtykke tilbage.");
            browser.assertAccessible();
            browser.open(url("/showcase?district=tuse-naes"));
            assertThat(browser.driver().getPageSource()).doesNotContain(title);

            // an admin erases the open case: a field error first, then confirmed
            logIn(browser, "admin");
            browser.open(url("/cases/" + open.caseNumber()));
            browser.click("#nav-erasure");
            browser.waitUntil(driver -> driver.getCurrentUrl().contains("/sletning") ? true : null);
            assertThat(browser.find("#erasure-title").getText()).isEqualTo("Slet en sags personoplysninger");
            browser.assertAccessible();
            browser.type("#sag", open.caseNumber());
            browser.click("#erasure-find-submit");
            browser.waitUntil(driver -> driver.getCurrentUrl().contains("sag=") ? true : null);
            assertThat(browser.find("#erasure-stage").getText()).isEqualTo("Modtaget, venter på visitation");
            browser.assertAccessible();
            browser.type("#begrundelse", "Borgeren bad om det i telefonen");
            browser.click("#erasure-submit");
            browser.waitUntil(driver -> driver.findElements(org.openqa.selenium.By.id("bekraeft-error")).isEmpty()
                    ? null : true);
            assertThat(browser.find("#error-summary a[href='#bekraeft']").getText())
                    .contains("Sæt kryds for at bekræfte");
            browser.assertAccessible();
            browser.click("#bekraeft");
            browser.click("#erasure-submit");
            browser.waitUntil(driver -> driver.findElements(org.openqa.selenium.By.id("notice")).isEmpty()
                    ? null : true);
            assertThat(browser.find("#erasure-done").getText()).contains("Borgeren bad om det i telefonen");
            browser.assertAccessible();
            browser.open(url("/sletning?sag=" + open.caseNumber() + "&lang=en"));
            assertThat(browser.find("#erasure-title").getText()).isEqualTo("Erase a case's personal data");
            browser.assertAccessible();
            browser.open(url("/sletning?lang=da"));

            // the erased case's link: the anonymised page, in both languages
            browser.open(url("/track/" + open.token()));
            assertThat(browser.find("#anonymised-title").getText()).isEqualTo("Sagen er anonymiseret");
            assertThat(browser.driver().getPageSource()).doesNotContain(open.caseNumber());
            browser.assertAccessible();
            browser.open(url("/track/" + open.token() + "?lang=en"));
            assertThat(browser.find("#anonymised-title").getText()).isEqualTo("This case has been anonymised");
            browser.assertAccessible();
            browser.open(url("/track/" + open.token() + "?lang=da"));
        }
    }

    private ApiClient.Submitted submitPublished(String title) {
        ResponseEntity<Map> response = http.postForEntity("/api/initiatives", new HttpEntity<>(Map.of("title", title,
                "description", "En eng med vilde blomster til bier og sommerfugle.", "topic", "natur-miljoe",
                "district", "tuse-naes", "contactName", "Else Borger", "contactEmail", "else.borger@example.org",
                "consent", true, "publicationConsent", true, "helpWanted", List.of("FUNDING")), ApiClient.json()),
                Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return new ApiClient.Submitted((String) response.getBody().get("caseNumber"),
                (String) response.getBody().get("trackingToken"));
    }

    private void closeRealised(ApiClient api, String contact, String caseNumber) {
        ok(api.post(contact, "/api/tasks/" + api.task(contact, caseNumber, TASK_PLAN_SUPPORT) + "/support-plan",
                Map.of("funding", false, "permits", false, "partners", false, "political", false)));
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .singleResult().getId();
        Job timer = managementService.createJobQuery().processInstanceId(instance)
                .activityId(InitiativeProcess.TIMER_FOLLOW_UP_DUE).singleResult();
        managementService.executeJob(timer.getId());
        ok(api.post(contact, "/api/tasks/" + api.task(contact, caseNumber, TASK_FOLLOW_UP) + "/follow-up",
                Map.of("progressPercent", 100, "milestone", "Engen blomstrer", "done", true)));
        ok(api.post(contact, "/api/tasks/" + api.task(contact, caseNumber, TASK_CLOSE_CASE) + "/closure",
                Map.of("outcome", "REALISED", "message", "Tak for engen")));
    }

    private void logIn(Browser browser, String user) {
        browser.open(url("/login"));
        browser.type("#username", user);
        browser.type("#password", ApiClient.PASSWORD);
        browser.click("#login-submit");
        browser.waitUntil(driver -> driver.getCurrentUrl().contains("/login") ? null : true);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
