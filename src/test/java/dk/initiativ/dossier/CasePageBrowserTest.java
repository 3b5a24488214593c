package dk.initiativ.dossier;

import java.nio.file.Path;
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
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;

import static dk.initiativ.process.InitiativeProcess.TASK_CLOSE_CASE;
import static dk.initiativ.process.InitiativeProcess.TASK_DECIDE_FUNDING;
import static dk.initiativ.process.InitiativeProcess.TASK_FOLLOW_UP;
import static dk.initiativ.process.InitiativeProcess.TASK_PLAN_SUPPORT;
import static dk.initiativ.process.InitiativeProcess.TASK_SCREEN_INITIATIVE;
import static dk.initiativ.support.ApiClient.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff case page in a real headless Chromium, with axe-core in Danish and English: intake's question with
 * the citizen's answer, names instead of user ids, the support plan's tracks and amounts in the reader's words,
 * the open tasks with their deadlines, and, once the case is closed, the outcome and the citizen's evaluation.
 */
@LocalModeTest
class CasePageBrowserTest {

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;

    @Test
    void theCasePageTellsStaffWhatTheyNeedAndStaysAccessibleInBothLanguages() {
        ApiClient api = new ApiClient(http);
        ApiClient.Submitted submitted = api.submit("Naturlegeplads i Mørkøv", "natur-miljoe", "moerkoev",
                List.of("FUNDING"));
        String caseNumber = submitted.caseNumber();
        ok(api.post("intake", "/api/tasks/" + api.task("intake", caseNumber, TASK_SCREEN_INITIATIVE) + "/screening",
                Map.of("decision", "request-information", "note", "Hvor mange børn skal bruge legepladsen?")));
        ok(http.postForEntity("/api/citizen/" + submitted.token() + "/answer",
                new HttpEntity<>(Map.of("answer", "Omkring 40 børn fra børnehaven og skolen."), ApiClient.json()),
                Map.class));
        String contact = api.toSupportPlan(caseNumber);
        ok(api.post(contact, "/api/tasks/" + api.task(contact, caseNumber, TASK_PLAN_SUPPORT) + "/support-plan",
                Map.of("funding", true, "fundingPool", "lokalpuljen", "fundingAmount", 25000, "fundingPurpose",
                        "Træstammer og sand", "permits", false, "partners", false, "political", false)));

        try (Browser browser = Browser.desktop()) {
            browser.logIn(url(""), "intake");
            browser.open(url("/cases/" + caseNumber + "?lang=da"));
            assertThat(browser.find("#case-questions").getText()).contains("Hvor mange børn skal bruge legepladsen?",
                    "Omkring 40 børn fra børnehaven og skolen.");
            assertThat(browser.find("#case-contact-person").getText()).isNotEqualTo(contact).isNotBlank();
            assertThat(browser.find("#case-tasks").getText()).contains("Afgør puljeansøgning",
                    "Ikke taget endnu (Puljeansvarlige)", "arbejdsdage tilbage");
            assertThat(browser.find("#case-timeline").getText()).contains("Ida Visitation", "Borgeren har svaret",
                    "Støtteplan lagt", "puljemidler", "Lokalpuljen: 25.000 kr.").doesNotContain("funding", "Du har");
            browser.screenshot(Path.of("target", "screenshots", "staff-case-page-da.png"));
            browser.assertAccessible();

            browser.open(url("/cases/" + caseNumber + "?lang=en"));
            assertThat(browser.find("#case-tasks").getText()).contains("Decide the funding application");
            assertThat(browser.find("#case-timeline").getText()).contains("The citizen answered", "funding",
                    "Lokalpuljen: DKK 25,000");
            browser.assertAccessible();

            // closed: the outcome, and the citizen's evaluation given on the tracking page
            ok(api.post("admin", "/api/tasks/" + api.task("admin", caseNumber, TASK_DECIDE_FUNDING)
                    + "/funding-decision", Map.of("granted", true, "amount", 20000,
                    "reason", "Puljen giver højst 20.000 kr. pr. legeplads.")));
            String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                    .singleResult().getId();
            Job timer = managementService.createJobQuery().processInstanceId(instance)
                    .activityId(InitiativeProcess.TIMER_FOLLOW_UP_DUE).singleResult();
            managementService.executeJob(timer.getId());
            ok(api.post(contact, "/api/tasks/" + api.task(contact, caseNumber, TASK_FOLLOW_UP) + "/follow-up",
                    Map.of("progressPercent", 100, "milestone", "Legepladsen er bygget", "done", true)));
            ok(api.post(contact, "/api/tasks/" + api.task(contact, caseNumber, TASK_CLOSE_CASE) + "/closure",
                    Map.of("outcome", "REALISED", "message", "Tak for en flot legeplads.")));

            browser.open(url("/track/" + submitted.token() + "/survey?lang=da"));
            browser.click("#rating-5");
            browser.type("#comment", "Meget hjælpsom kontaktperson <3");
            WebElement form = browser.find("html");
            browser.click("#survey-submit");
            browser.waitUntilGone(form);

            browser.open(url("/cases/" + caseNumber + "?lang=da"));
            assertThat(browser.find("#case-survey-rating").getText()).isEqualTo("5 ud af 5");
            assertThat(browser.find("#case-survey-comment").getText()).isEqualTo("Meget hjælpsom kontaktperson <3");
            assertThat(browser.find("#case-no-tasks").getText()).isEqualTo("Sagen har ingen åbne opgaver.");
            assertThat(browser.find("main").getText()).contains("Realiseret");
            browser.assertAccessible();
            browser.open(url("/cases/" + caseNumber + "?lang=en"));
            assertThat(browser.find("#case-survey-rating").getText()).isEqualTo("5 out of 5");
            browser.assertAccessible();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
