package dk.initiativ.casework;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dk.initiativ.support.Browser;
import dk.initiativ.support.LocalModeTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

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

    @BeforeEach
    void openBrowser() {
        browser = Browser.desktop();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void intakeAndTheContactPersonWorkACaseToItsOutcomeInTasklist() {
        String caseNumber = submit("Frugtlund ved skolen");
        String taskId = screeningTask(caseNumber);

        browser.open(url("/login"));
        browser.type("#username", "intake");
        browser.type("#password", "initiativ-demo");
        browser.click("#login-submit");
        browser.find("#logged-in-as");

        browser.open(url("/camunda/app/tasklist/default/#/?task=" + taskId));
        browser.waitForText("Visitér initiativ");
        browser.waitUntil(d -> d.findElements(By.xpath("//button[normalize-space()='Claim']")).stream()
                .filter(e -> e.isDisplayed()).findFirst().orElse(null)).click();
        browser.waitUntil(d -> d.findElements(By.xpath("//label[contains(., 'Acceptér som initiativ')]")).stream()
                .filter(e -> e.isDisplayed()).findFirst().orElse(null)).click();
        browser.screenshot(Path.of("target", "screenshots", "tasklist-screening-form.png"));
        browser.waitUntil(d -> d.findElements(By.xpath("//button[normalize-space()='Complete']")).stream()
                .filter(e -> e.isDisplayed() && e.isEnabled()).findFirst().orElse(null)).click();

        browser.waitUntil(d -> stage(caseNumber).equals("ACCEPTED") ? true : null);

        // the proposed contact person accepts, records the agreement and plans no support tracks
        String contact = (String) dossier(caseNumber).get("contactPerson");
        logOutAndIn(contact);
        work(taskOf(contact, caseNumber, "Task_AcceptCase"), false, () -> clickLabel("Ja, jeg tager imod sagen"));
        browser.waitUntil(d -> stage(caseNumber).equals("MATCHED") ? true : null);
        work(taskOf(contact, caseNumber, "Task_FirstContact"), false, () -> {
            typeInto("Det kan kommunen hjælpe med", "Kontakt til skolen og en ansøgning");
            typeInto("Det kan kommunen ikke hjælpe med", "Plante træerne");
            typeInto("Hvem gør hvad", "Forældrene planter, kommunen leverer muld");
            typeInto("Næste skridt", "Møde med skolelederen");
        });
        browser.waitUntil(d -> stage(caseNumber).equals("AGREED") ? true : null);
        work(taskOf(contact, caseNumber, "Task_PlanSupport"), false, () -> { });
        browser.waitUntil(d -> timeline(caseNumber).contains("SUPPORT_COMPLETED") ? true : null);
        browser.screenshot(Path.of("target", "screenshots", "tasklist-after-plan.png"));

        // a check-in after 30 working days (the timer fired by the test), marked done, then the closing
        fireFollowUpTimer(caseNumber);
        work(taskOf(contact, caseNumber, "Task_FollowUp"), false, () -> {
            typeInto("Fremdrift i procent", "100");
            typeInto("Seneste milepæl", "Træerne er plantet");
            clickLabel("Initiativet er færdigt");
        });
        browser.waitUntil(d -> timeline(caseNumber).contains("PROGRESS_RECORDED") ? true : null);
        work(taskOf(contact, caseNumber, "Task_CloseCase"), false, () -> {
            String selectId = visible(By.xpath("//label[starts-with(normalize-space(), 'Udfald')]")).getAttribute("for");
            // form-js's select opens and picks on real mouse events
            visible(By.id(selectId + "-display")).click();
            visible(By.xpath("//*[contains(@class, 'fjs-dropdownlist-item') and normalize-space()='Realiseret']")).click();
            typeInto("Besked til borgeren", "Tak for frugtlunden!");
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
                .activityId("TimerEvent_FollowUpDue").singleResult().getId());
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

    private void logOutAndIn(String user) {
        browser.open(url("/"));
        browser.click("form[action$='/logout'] button");
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/?logout") ? true : null);
        browser.open(url("/login"));
        browser.type("#username", user);
        browser.type("#password", "initiativ-demo");
        browser.click("#login-submit");
        browser.find("#logged-in-as");
    }

    /** Opens the task in Tasklist, claims it when asked, fills the form and completes it. */
    private void work(String taskId, boolean claim, Runnable fill) {
        browser.open(url("/camunda/app/tasklist/default/#/?task=" + taskId));
        if (claim) {
            visible(By.xpath("//button[normalize-space()='Claim']")).click();
        }
        visible(By.cssSelector(".fjs-form"));
        dismissNotifications();
        fill.run();
        settle();
        jsClick(visible(By.xpath("//button[normalize-space()='Complete' and not(@disabled)]")));
        browser.waitUntil(d -> d.findElements(By.xpath("//button[normalize-space()='Complete']")).isEmpty() ? true : null);
    }

    /** Tasklist's notices of the previous step would lie over the form's fields. */
    private void dismissNotifications() {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.querySelectorAll('.page-notifications .close').forEach(function (b) { b.click(); });");
        browser.waitUntil(d -> d.findElements(By.cssSelector(".page-notifications .alert")).stream()
                .noneMatch(WebElement::isDisplayed) ? true : null);
    }

    /** form-js applies typed text after a short debounce: leave the field and let it pass before submitting. */
    private void settle() {
        browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
        try {
            Thread.sleep(800);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void clickLabel(String text) {
        jsClick(visible(By.xpath("//label[contains(., '" + text + "')]")));
    }

    /** Tasklist's footer and notifications may lie over a field: click it as a script would. */
    private void jsClick(WebElement element) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", element);
    }

    /** Types into the form field whose label is {@code label}. */
    private void typeInto(String label, String text) {
        String id = visible(By.xpath("//label[normalize-space()='" + label + "' or normalize-space()='" + label + "*']"))
                .getAttribute("for");
        browser.driver().findElement(By.id(id)).sendKeys(text);
    }

    private WebElement visible(By by) {
        return browser.waitUntil(d -> d.findElements(by).stream().filter(e -> e.isDisplayed()).findFirst().orElse(null));
    }

    private String taskOf(String user, String caseNumber, String taskKey) {
        List<Map<String, Object>> tasks = http.withBasicAuth(user, "initiativ-demo")
                .exchange("/api/tasks", HttpMethod.GET, null, List.class).getBody();
        return tasks.stream().filter(task -> caseNumber.equals(task.get("caseNumber")) && taskKey.equals(task.get("taskKey")))
                .map(task -> (String) task.get("taskId")).findFirst().orElseThrow();
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
