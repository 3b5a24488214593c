package dk.initiativ.casework;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import dk.initiativ.funding.FundingApplications;
import dk.initiativ.support.ApiClient;
import dk.initiativ.support.Browser;
import dk.initiativ.support.LocalModeTest;
import dk.initiativ.support.Tasklist;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;

import static dk.initiativ.process.InitiativeProcess.TASK_ACCEPT_CASE;
import static dk.initiativ.process.InitiativeProcess.TASK_DECIDE_FUNDING;
import static dk.initiativ.process.InitiativeProcess.TASK_DECIDE_PERMIT;
import static dk.initiativ.process.InitiativeProcess.TASK_FIRST_CONTACT;
import static dk.initiativ.process.InitiativeProcess.TASK_FOLLOW_UP_PARTNERS;
import static dk.initiativ.process.InitiativeProcess.TASK_PLAN_SUPPORT;
import static dk.initiativ.process.InitiativeProcess.TASK_REASSIGN_CASE;
import static dk.initiativ.process.InitiativeProcess.TASK_RECORD_POLITICAL_DECISION;
import static dk.initiativ.process.InitiativeProcess.TASK_SCREEN_INITIATIVE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decision forms of the journey, worked in Camunda Tasklist in a real Chromium: a declined case
 * reassigned by the team's manager, then a support plan with all four tracks (funding, permit, partners,
 * political decision), each decided in its own form by the person it is routed to.
 */
@LocalModeTest
class SupportPlanInTasklistBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    FundingApplications funding;

    ApiClient api;
    Browser browser;
    Tasklist tasklist;

    @BeforeEach
    void openBrowser() {
        api = new ApiClient(http);
        browser = Browser.desktop();
        tasklist = new Tasklist(browser, port, http);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void everyDecisionFormOfTheSupportPlanWorksInTasklist() {
        String caseNumber = submitAndAccept("Sommerfest på Kirketorvet");

        // the proposed contact person declines; the team's manager picks another one in the reassignment form
        String proposed = dossier(caseNumber).get("contactPerson").toString();
        tasklist.logInAs(proposed);
        tasklist.work(tasklist.taskOf(proposed, caseNumber, TASK_ACCEPT_CASE), false, () -> {
            tasklist.clickLabel("Nej, jeg kan ikke tage den");
            tasklist.typeInto("Begrundelse", "Jeg har ferie i tre uger");
        });
        String manager = browser.waitUntil(d -> reassigningManager(caseNumber));
        String chosen = "anna".equals(proposed) ? "bjarne" : "anna";
        tasklist.logInAs(manager);
        String chosenName = (String) ((List<Map<String, Object>>) api.as("admin").getForEntity("/api/staff", List.class)
                .getBody()).stream().filter(member -> chosen.equals(member.get("userId"))).findFirst().orElseThrow()
                .get("displayName");
        // the team's staff are chosen by name (with their open cases), not typed as user ids
        tasklist.work(tasklist.taskOf(manager, caseNumber, TASK_REASSIGN_CASE), false,
                () -> tasklist.chooseStartingWith("Ny kontaktperson", chosenName + " ("));
        browser.waitUntil(d -> chosen.equals(dossier(caseNumber).get("contactPerson")) ? true : null);

        // the new contact person accepts, agrees expectations and plans all four tracks
        Map<String, Object> partner = ((List<Map<String, Object>>) api.as("admin").getForEntity("/api/partners",
                List.class).getBody()).get(0);
        tasklist.logInAs(chosen);
        tasklist.work(tasklist.taskOf(chosen, caseNumber, TASK_ACCEPT_CASE), false,
                () -> tasklist.clickLabel("Ja, jeg tager imod sagen"));
        ApiClient.ok(api.post(chosen, "/api/tasks/" + api.task(chosen, caseNumber, TASK_FIRST_CONTACT) + "/agreement",
                Map.of("willDo", "Søge Lokalpuljen og tilladelsen", "willNotDo", "Stå for festen",
                        "whoDoesWhat", "Foreningen arrangerer", "nextSteps", "Ansøgning i næste uge")));
        String planTask = tasklist.taskOf(chosen, caseNumber, TASK_PLAN_SUPPORT);
        // our own work list names the task by the model's name only: the case number is a column of its own
        assertThat(((List<Map<String, Object>>) api.as(chosen).getForEntity("/api/tasks", List.class).getBody())
                .stream().filter(task -> planTask.equals(task.get("taskId"))).findFirst().orElseThrow().get("name"))
                .isEqualTo("Læg støtteplan");
        tasklist.work(planTask, false, () -> {
            // Tasklist names the task after the case: number, title and the model's name; no Camunda 8 banner
            browser.waitForText(caseNumber + " · Sommerfest på Kirketorvet: Læg støtteplan");
            assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner")))
                    .allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());
            assertThat(browser.driver().findElement(By.tagName("body")).getText()).doesNotContain("Camunda 8");
            tasklist.clickLabel("Puljemidler");
            // pools, departments and partners are chosen from lists of names, not typed as codes or ids
            assertThat(tasklist.chooseStartingWith("Vælg pulje", "Lokalpuljen ("))
                    .anySatisfy(o -> assertThat(o).startsWith("Lokalpuljen ("))
                    .anySatisfy(o -> assertThat(o).startsWith("Grøn pulje (")).allSatisfy(o -> assertThat(o)
                            .doesNotContain("lokalpuljen", "groen-pulje").endsWith("tilbage)"));
            tasklist.typeInto("Ansøgt beløb (kr.)", "12000");
            tasklist.typeInto("Formål", "Telt, scene og lyd");
            tasklist.clickLabel("Tilladelser");
            // permits only from the permit types, each with its department and deadline (ADR 0045)
            assertThat(browser.driver().findElement(By.tagName("body")).getText())
                    .doesNotContain("Andre tilladelser", "Afdeling for andre tilladelser");
            tasklist.clickLabel("Brug af offentligt areal (Vej og Park");
            tasklist.clickLabel("Partnere, foreninger, frivillige eller lokaler");
            tasklist.clickLabel((String) partner.get("name"));
            tasklist.clickLabel("Politisk beslutning");
            tasklist.typeInto("Udvalg", "Kultur- og fritidsudvalget");
            browser.screenshot(Path.of("target", "screenshots", "tasklist-plan-support-lists.png"));
        });
        browser.waitUntil(d -> timeline(caseNumber).contains("SUPPORT_PLANNED") ? true : null);

        // the fund officer grants, the permit's department (Vibeke of Vej og Park) refuses with a reason
        tasklist.logInAs("frode");
        tasklist.work(tasklist.taskOf("frode", caseNumber, TASK_DECIDE_FUNDING), true, () -> {
            tasklist.clickLabel("Bevilget");
            tasklist.typeInto("Bevilget beløb (kr.)", "10000");
            // less than the 12,000 kr. asked for: the form offers the reason for a grant too
            tasklist.typeInto("Begrundelse til borgeren", "Puljen giver højst 10.000 kr. til en fest.");
        });
        tasklist.logInAs("vibeke");
        tasklist.work(tasklist.taskOf("vibeke", caseNumber, TASK_DECIDE_PERMIT), true, () -> {
            tasklist.clickLabel("Afslag");
            tasklist.typeInto("Begrundelse for afslag", "Torvet er optaget af markedsdagen");
        });

        // the contact person follows up with the partners and records the committee's decision
        tasklist.logInAs(chosen);
        tasklist.work(tasklist.taskOf(chosen, caseNumber, TASK_FOLLOW_UP_PARTNERS), false, () -> { });
        tasklist.work(tasklist.taskOf(chosen, caseNumber, TASK_RECORD_POLITICAL_DECISION), false, () -> {
            tasklist.typeInto("Beslutning", "Udvalget støtter festen");
            // form-js shows and reads dates as month/day/year; decided today, after the forwarding
            tasklist.typeInto("Besluttet den",
                    LocalDate.now(ZoneId.of("Europe/Copenhagen")).format(DateTimeFormatter.ofPattern("MM/dd/yyyy")));
        });

        browser.waitUntil(d -> timeline(caseNumber).contains("SUPPORT_COMPLETED") ? true : null);
        List<Map<String, Object>> timeline = (List<Map<String, Object>>) dossier(caseNumber).get("timeline");
        // the manager's choice is proposed again and accepted by the chosen person
        assertThat(timeline).extracting(entry -> entry.get("type")).containsSubsequence("CONTACT_PROPOSED",
                "CONTACT_DECLINED", "CONTACT_PROPOSED", "CONTACT_ASSIGNED");
        assertThat(timeline).extracting(entry -> entry.get("type")).contains("FUNDING_GRANTED", "PERMIT_REFUSED", "PARTNER_LINKED", "POLITICAL_FORWARDED",
                "POLITICAL_DECIDED");
        assertThat(timeline).anySatisfy(entry -> {
            assertThat(entry.get("type")).isEqualTo("FUNDING_GRANTED");
            assertThat(entry.get("actor")).isEqualTo("frode");
            assertThat(entry.get("detail").toString()).contains("10000");
        });
        assertThat(funding.forCase(caseNumber)).singleElement().satisfies(application -> {
            assertThat(application.amountGranted()).isEqualByComparingTo("10000");
            assertThat(application.decisionReason()).isEqualTo("Puljen giver højst 10.000 kr. til en fest.");
        });
        assertThat(timeline).anySatisfy(entry -> {
            assertThat(entry.get("type")).isEqualTo("PARTNER_LINKED");
            assertThat(entry.get("detail")).isEqualTo(partner.get("name"));
        });
        assertThat(timeline).anySatisfy(entry -> {
            assertThat(entry.get("type")).isEqualTo("PERMIT_REFUSED");
            assertThat(entry.get("actor")).isEqualTo("vibeke");
            assertThat(entry.get("detail").toString()).contains("markedsdagen");
        });
    }

    /** The manager the reassignment task went to, once it exists. */
    private String reassigningManager(String caseNumber) {
        var task = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult();
        return task == null ? null : (String) runtimeService.getVariable(task.getId(), "teamManager");
    }

    private String submitAndAccept(String title) {
        Map<?, ?> receipt = http.postForEntity("/api/initiatives", new HttpEntity<>(Map.of("title", title,
                "description", "En fest for hele byen med musik og boder.", "topic", "kultur-fritid",
                "district", "holbaek-by", "contactName", "Lars Fest", "contactEmail", "lars@example.org",
                "consent", true), ApiClient.json()), Map.class).getBody();
        String caseNumber = (String) receipt.get("caseNumber");
        ApiClient.ok(api.post("intake", "/api/tasks/" + api.task("intake", caseNumber, TASK_SCREEN_INITIATIVE)
                + "/screening", Map.of("decision", "accept")));
        return caseNumber;
    }

    private List<Object> timeline(String caseNumber) {
        return ((List<Map<String, Object>>) dossier(caseNumber).get("timeline")).stream().map(e -> e.get("type")).toList();
    }

    private Map<?, ?> dossier(String caseNumber) {
        return (Map<?, ?>) api.as("admin").getForEntity("/api/initiatives/" + caseNumber, Map.class).getBody()
                .get("initiative");
    }
}
