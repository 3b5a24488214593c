package dk.initiativ.dossier;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dk.initiativ.support.ApiClient;
import dk.initiativ.support.Browser;
import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;

import static dk.initiativ.process.InitiativeProcess.TASK_ACCEPT_CASE;
import static dk.initiativ.process.InitiativeProcess.TASK_CLOSE_CASE;
import static dk.initiativ.process.InitiativeProcess.TASK_DECIDE_FUNDING;
import static dk.initiativ.process.InitiativeProcess.TASK_DECIDE_PERMIT;
import static dk.initiativ.process.InitiativeProcess.TASK_FIRST_CONTACT;
import static dk.initiativ.process.InitiativeProcess.TASK_PLAN_SUPPORT;
import static dk.initiativ.process.InitiativeProcess.TASK_SCREEN_INITIATIVE;
import static dk.initiativ.support.CaseTaskForms.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One case carried from screening to closure in real headless Chromium by five roles, each on the case page
 * only (issue 10): intake screens, the team manager moves the proposal to another contact person, who accepts,
 * writes the agreement, lays the support plan and answers the citizen; a fund officer takes and grants the
 * application; a department approves the permit; the contact person closes early. axe-core finds no WCAG 2.1
 * AA violation in any state visited (Danish, and the case page with a form in English once). With
 * {@code -Dscreenshots.dir=docs/screenshots} the case page with the support plan form is kept at desktop and
 * tablet width.
 */
@LocalModeTest
class CaseWorkBrowserTest {

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;

    @Test
    void fiveRolesCarryACaseFromScreeningToClosureOnTheCasePage() {
        ApiClient api = new ApiClient(http);
        ApiClient.Submitted submitted = api.submit("Naturlegeplads i Tølløse", "natur-miljoe", "toelloese",
                List.of("FUNDING", "PERMITS"));
        String caseNumber = submitted.caseNumber();
        try (Browser browser = Browser.desktop()) {
            // intake: an empty form is refused next to the field, then the case is accepted
            openTask(browser, url(""), "intake", caseNumber, TASK_SCREEN_INITIATIVE);
            assertThat(browser.find("#tasks").getText()).contains("Visitér initiativet", "Acceptér som initiativ",
                    "Udfyldes kun, når «Beslutning» er: Bed borgeren om flere oplysninger eller Henvis borgeren");
            browser.assertAccessible();
            complete(browser, TASK_SCREEN_INITIATIVE);
            browser.waitForText("Der er et problem");
            assertThat(browser.find("#error-summary").getText()).contains("Beslutning skal vælges.");
            browser.assertAccessible();
            choose(browser, TASK_SCREEN_INITIATIVE, "screeningDecision", "accept");
            complete(browser, TASK_SCREEN_INITIATIVE);
            backInTheInbox(browser);

            // the team manager moves the proposal to someone else, with a reason; the move-all page shows a plan
            String proposed = waitForContactPerson(api, caseNumber);
            String chosen = "bjarne".equals(proposed) ? "anna" : "bjarne";
            openCaseAs(browser, url(""), "manager", caseNumber);
            browser.waitForText("Flyt sagen");
            browser.assertAccessible();
            browser.click("#move-submit");
            browser.waitForText("Skriv en begrundelse for flytningen.");
            browser.assertAccessible();
            new Select(browser.find("#move-contactPerson")).selectByValue(chosen);
            browser.type("#move-reason", "Skal på kursus i tre uger");
            browser.click("#move-submit");
            backInTheInbox(browser);
            openCaseAs(browser, url(""), "manager", caseNumber);
            browser.click("#move-all-link");
            browser.waitForText("Sådan fordeles sagerne");
            browser.assertAccessible();

            // the chosen contact person accepts, writes the agreement, lays the plan and answers the citizen
            openTask(browser, url(""), chosen, caseNumber, TASK_ACCEPT_CASE);
            browser.assertAccessible();
            choose(browser, TASK_ACCEPT_CASE, "caseAccepted", "true");
            complete(browser, TASK_ACCEPT_CASE);
            backInTheInbox(browser);

            openTask(browser, url(""), chosen, caseNumber, TASK_FIRST_CONTACT);
            browser.assertAccessible();
            type(browser, TASK_FIRST_CONTACT, "willDo", "Hjælpe med ansøgning og tilladelse");
            type(browser, TASK_FIRST_CONTACT, "willNotDo", "Bygge legepladsen");
            type(browser, TASK_FIRST_CONTACT, "whoDoesWhat", "Foreningen bygger, kommunen rådgiver");
            type(browser, TASK_FIRST_CONTACT, "nextSteps", "Ansøgning til puljen");
            complete(browser, TASK_FIRST_CONTACT);
            backInTheInbox(browser);

            openTask(browser, url(""), chosen, caseNumber, TASK_PLAN_SUPPORT);
            // the lists Tasklist's form gets (TaskFormOptions), in the form's shape: the permit types with their
            // department and deadline (ADR 0040); no free-text permit line any more (ADR 0045)
            assertThat(browser.driver().getPageSource()).contains("Fællesskabspuljen (", "Vej og Park", ">Vælg pulje<",
                    "Byggetilladelse (Byg og Miljø, 40 arbejdsdage)")
                    .doesNotContain("(kode, fx lokalpuljen)", "Afdeling for andre tilladelser", "Andre tilladelser");
            tick(browser, TASK_PLAN_SUPPORT, "needsFunding");
            select(browser, TASK_PLAN_SUPPORT, "fundingPool", "faellesskabspuljen");
            type(browser, TASK_PLAN_SUPPORT, "fundingAmount", "12.000");
            type(browser, TASK_PLAN_SUPPORT, "fundingPurpose", "Træstammer og sand");
            tick(browser, TASK_PLAN_SUPPORT, "needsPermits");
            WebElement plan = article(browser, TASK_PLAN_SUPPORT);
            assertThat(plan.findElements(By.cssSelector("[name='permitDepartment'], [name='permitLines']"))).isEmpty();
            WebElement permitType = plan.findElement(
                    By.cssSelector("input[name='permitTypes'][value='brug-af-offentligt-areal']"));
            WebElement permitLabel = browser.find("label[for='" + permitType.getAttribute("id") + "']");
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});",
                    permitLabel);
            permitLabel.click();
            browser.assertAccessible();
            screenshots(browser, chosen, caseNumber);
            complete(browser, TASK_PLAN_SUPPORT);
            backInTheInbox(browser);

            // the citizen writes; the contact person answers in the reply box
            ApiClient.ok(http.postForEntity("/api/citizen/" + submitted.token() + "/messages",
                    new HttpEntity<>(Map.of("body", "Hvornår hører vi fra puljen?"), ApiClient.json()), Map.class));
            openCaseAs(browser, url(""), chosen, caseNumber);
            browser.click("#reply-submit");
            browser.waitForText("Skriv en besked.");
            browser.assertAccessible();
            browser.type("#reply-body", "Puljen svarer inden for to uger.");
            browser.click("#reply-submit");
            browser.waitForText("Dit svar er sendt til borgeren.");
            assertThat(browser.find("#messages").getText()).contains("Hvornår hører vi fra puljen?",
                    "Puljen svarer inden for to uger.");
            browser.assertAccessible();

            // a fund officer takes the application from the group's queue and grants it; once in English
            openTask(browser, url(""), "fund", caseNumber, TASK_DECIDE_FUNDING);
            browser.open(url("/cases/" + caseNumber + "?lang=en"));
            browser.waitForText("Decide the pool application");
            assertThat(browser.find("#tasks").getText()).contains("Take the task", "Granted", "Rejected");
            browser.assertAccessible();
            browser.open(url("/cases/" + caseNumber + "?lang=da"));
            browser.click("article[data-task='" + TASK_DECIDE_FUNDING + "'] form.task-claim button");
            browser.waitForText("Du har taget opgaven.");
            browser.assertAccessible();
            choose(browser, TASK_DECIDE_FUNDING, "fundingGranted", "true");
            type(browser, TASK_DECIDE_FUNDING, "amountGranted", "12.000");
            complete(browser, TASK_DECIDE_FUNDING);
            backInTheInbox(browser);

            // the department sees only what the permit needs, and approves it
            openTask(browser, url(""), "vibeke", caseNumber, TASK_DECIDE_PERMIT);
            assertThat(browser.find("main").getText()).contains("Brug af offentligt areal")
                    .doesNotContain("else@example.org", "Interne notater");
            browser.assertAccessible();
            choose(browser, TASK_DECIDE_PERMIT, "permitApproved", "true");
            complete(browser, TASK_DECIDE_PERMIT);
            backInTheInbox(browser);

            // the contact person closes early: a confirmation, then the closing form inline
            openCaseAs(browser, url(""), chosen, caseNumber);
            browser.waitUntil(driver -> {
                driver.navigate().refresh();
                return driver.findElements(By.id("close-early-start")).isEmpty() ? null : true;
            });
            browser.assertAccessible();
            browser.click("#close-early-start");
            browser.waitForText("Vil du afslutte sagen nu?");
            browser.assertAccessible();
            browser.click("#close-early-confirm");
            browser.waitForText("Sagen går nu til afslutning.");
            browser.find("article[data-task='" + TASK_CLOSE_CASE + "']");
            browser.assertAccessible();
            select(browser, TASK_CLOSE_CASE, "outcome", "REALISED");
            type(browser, TASK_CLOSE_CASE, "closingMessage", "Tak for en flot legeplads!");
            complete(browser, TASK_CLOSE_CASE);
            backInTheInbox(browser);
        }
        Map<?, ?> closed = api.initiative(caseNumber);
        assertThat(closed.get("stage")).isEqualTo("CLOSED");
        assertThat(closed.get("outcome")).isEqualTo("REALISED");
    }

    /** The case page with the support plan form, at desktop and tablet width, only when the run asks for it. */
    private void screenshots(Browser browser, String user, String caseNumber) {
        String dir = System.getProperty("screenshots.dir");
        if (dir == null || dir.isBlank()) {
            return;
        }
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('tasks').scrollIntoView({block: 'start'});");
        browser.screenshot(Path.of(dir, "case-page-form-desktop.png"));
        try (Browser tablet = Browser.tablet()) {
            openCaseAs(tablet, url(""), user, caseNumber);
            ((JavascriptExecutor) tablet.driver()).executeScript(
                    "document.getElementById('tasks').scrollIntoView({block: 'start'});");
            tablet.assertAccessible();
            tablet.screenshot(Path.of(dir, "case-page-form-tablet.png"));
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
