package dk.initiativ.casework;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dk.initiativ.support.Browser;
import dk.initiativ.support.LocalModeTest;
import dk.initiativ.support.Tasklist;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static dk.initiativ.process.InitiativeProcess.TASK_ACCEPT_CASE;
import static dk.initiativ.process.InitiativeProcess.TASK_CLOSE_CASE;
import static dk.initiativ.process.InitiativeProcess.TASK_FIRST_CONTACT;
import static dk.initiativ.process.InitiativeProcess.TASK_FOLLOW_UP;
import static dk.initiativ.process.InitiativeProcess.TASK_PLAN_SUPPORT;
import static dk.initiativ.process.InitiativeProcess.TIMER_FOLLOW_UP_DUE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff work the journey in Camunda Tasklist, in a real headless Chromium: each Camunda Form renders,
 * tasks are claimed and completed, and the case moves on exactly as through the API.
 */
@LocalModeTest
class TasklistBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    Browser browser;
    Tasklist tasklist;

    @BeforeEach
    void openBrowser() {
        browser = Browser.desktop();
        tasklist = new Tasklist(browser, port, http);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void intakeAndTheContactPersonWorkACaseToItsOutcomeInTasklist() {
        String caseNumber = submit("Frugtlund ved skolen");
        String taskId = screeningTask(caseNumber);

        tasklist.logInAs("intake");

        browser.open(url("/camunda/app/tasklist/default/#/?task=" + taskId));
        browser.waitForText("Visitér initiativ");
        browser.waitUntil(d -> d.findElements(By.xpath("//button[normalize-space()='Claim']")).stream()
                .filter(e -> e.isDisplayed()).findFirst().orElse(null)).click();
        browser.waitUntil(d -> d.findElements(By.xpath("//label[contains(., 'Acceptér som initiativ')]")).stream()
                .filter(e -> e.isDisplayed()).findFirst().orElse(null)).click();
        browser.screenshot(Path.of("target", "screenshots", "tasklist-screening-form.png"));
        // the form links to the case page, where intake reads what the citizen wrote
        String caseLink = browser.find("a[href='/cases/" + caseNumber + "']").getAttribute("href");
        tasklist.click(tasklist.visible(By.xpath("//button[normalize-space()='Complete' and not(@disabled)]")));

        browser.waitUntil(d -> stage(caseNumber).equals("ACCEPTED") ? true : null);
        browser.open(caseLink);
        assertThat(browser.find("#case-description").getText()).isEqualTo("Æbletræer og bærbuske til skolebørnene");
        browser.assertAccessible();

        // the proposed contact person accepts, records the agreement and plans no support tracks
        String contact = (String) dossier(caseNumber).get("contactPerson");
        tasklist.logInAs(contact);
        tasklist.work(tasklist.taskOf(contact, caseNumber, TASK_ACCEPT_CASE), false, () -> tasklist.clickLabel("Ja, jeg tager imod sagen"));
        browser.waitUntil(d -> stage(caseNumber).equals("MATCHED") ? true : null);
        tasklist.work(tasklist.taskOf(contact, caseNumber, TASK_FIRST_CONTACT), false, () -> {
            tasklist.typeInto("Det kan kommunen hjælpe med", "Kontakt til skolen og en ansøgning");
            tasklist.typeInto("Det kan kommunen ikke hjælpe med", "Plante træerne");
            tasklist.typeInto("Hvem gør hvad", "Forældrene planter, kommunen leverer muld");
            tasklist.typeInto("Næste skridt", "Møde med skolelederen");
        });
        browser.waitUntil(d -> stage(caseNumber).equals("AGREED") ? true : null);
        tasklist.work(tasklist.taskOf(contact, caseNumber, TASK_PLAN_SUPPORT), false, () -> { });
        browser.waitUntil(d -> timeline(caseNumber).contains("SUPPORT_COMPLETED") ? true : null);
        browser.screenshot(Path.of("target", "screenshots", "tasklist-after-plan.png"));

        // a check-in after 30 working days (the timer fired by the test), marked done, then the closing
        fireFollowUpTimer(caseNumber);
        tasklist.work(tasklist.taskOf(contact, caseNumber, TASK_FOLLOW_UP), false, () -> {
            tasklist.typeInto("Fremdrift i procent", "100");
            tasklist.typeInto("Seneste milepæl", "Træerne er plantet");
            tasklist.clickLabel("Initiativet er færdigt");
        });
        browser.waitUntil(d -> timeline(caseNumber).contains("PROGRESS_RECORDED") ? true : null);
        tasklist.work(tasklist.taskOf(contact, caseNumber, TASK_CLOSE_CASE), false, () -> {
            tasklist.choose("Udfald", "Realiseret");
            tasklist.typeInto("Besked til borgeren", "Tak for frugtlunden!");
        });
        browser.waitUntil(d -> "CLOSED".equals(stage(caseNumber)) ? true : null);
        assertThat(dossier(caseNumber).get("outcome")).isEqualTo("REALISED");

        Map<?, ?> initiative = (Map<?, ?>) http.withBasicAuth("intake", "initiativ-demo")
                .getForEntity("/api/initiatives/" + caseNumber, Map.class).getBody().get("initiative");
        List<Map<String, Object>> timeline = (List<Map<String, Object>>) initiative.get("timeline");
        assertThat(timeline).anySatisfy(entry -> {
            assertThat(entry.get("type")).isEqualTo("ACCEPTED");
            assertThat(entry.get("actor")).isEqualTo("intake");
        });
    }

    private void fireFollowUpTimer(String caseNumber) {
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .singleResult().getId();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance)
                .activityId(TIMER_FOLLOW_UP_DUE).singleResult().getId());
    }

    private String stage(String caseNumber) {
        return (String) dossier(caseNumber).get("stage");
    }

    private List<Object> timeline(String caseNumber) {
        return ((List<Map<String, Object>>) dossier(caseNumber).get("timeline")).stream().map(e -> e.get("type")).toList();
    }

    private Map<?, ?> dossier(String caseNumber) {
        return (Map<?, ?>) http.withBasicAuth("admin", "initiativ-demo")
                .getForEntity("/api/initiatives/" + caseNumber, Map.class).getBody().get("initiative");
    }

    private String submit(String title) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        Map<String, Object> body = Map.of("title", title, "description", "Æbletræer og bærbuske til skolebørnene",
                "topic", "natur-miljoe", "district", "jyderup", "contactName", "Pia Frugt",
                "contactEmail", "pia@example.org", "consent", true);
        return (String) http.postForEntity("/api/initiatives", new HttpEntity<>(body, headers), Map.class).getBody()
                .get("caseNumber");
    }

    private String screeningTask(String caseNumber) {
        List<Map<String, Object>> tasks = http.withBasicAuth("intake", "initiativ-demo")
                .exchange("/api/tasks", HttpMethod.GET, null, List.class).getBody();
        return tasks.stream().filter(task -> caseNumber.equals(task.get("caseNumber")))
                .map(task -> (String) task.get("taskId")).findFirst().orElseThrow();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
