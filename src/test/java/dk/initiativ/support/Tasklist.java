package dk.initiativ.support;

import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

/**
 * Camunda Tasklist driven like a person would, in a real Chromium: log in through our login page, open a
 * task, fill its Camunda Form, complete it. Knows form-js' habits (debounced typing, selects that open on
 * real clicks, notices lying over fields).
 */
public final class Tasklist {

    private final Browser browser;
    private final String baseUrl;
    private final TestRestTemplate http;

    public Tasklist(Browser browser, int port, TestRestTemplate http) {
        this.browser = browser;
        this.baseUrl = "http://localhost:" + port;
        this.http = http;
    }

    /** Logs out whoever is logged in, then logs {@code user} in through the login page. */
    public void logInAs(String user) {
        browser.open(baseUrl + "/");
        if (!browser.driver().findElements(By.cssSelector("form[action$='/logout'] button")).isEmpty()) {
            browser.click("form[action$='/logout'] button");
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/?logout") ? true : null);
        }
        browser.logIn(baseUrl, user);
        browser.find("#logged-in-as");
    }

    /** Opens the task in Tasklist, claims it when asked, fills the form and completes it. */
    public void work(String taskId, boolean claim, Runnable fill) {
        browser.open(baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId);
        if (claim) {
            visible(By.xpath("//button[normalize-space()='Claim']")).click();
        }
        visible(By.cssSelector(".fjs-form"));
        dismissNotifications();
        fill.run();
        settle();
        click(visible(By.xpath("//button[normalize-space()='Complete' and not(@disabled)]")));
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

    /** Clicks the checkbox or radio button labelled {@code text}. */
    public void clickLabel(String text) {
        click(visible(By.xpath("//label[contains(., '" + text + "')]")));
        settle();
    }

    /** Picks {@code option} in the select whose label starts with {@code label}. */
    public void choose(String label, String option) {
        String selectId = visible(By.xpath("//label[starts-with(normalize-space(), '" + label + "')]")).getAttribute("for");
        // form-js's select opens and picks on real mouse events
        visible(By.id(selectId + "-display")).click();
        visible(By.xpath("//*[contains(@class, 'fjs-dropdownlist-item') and normalize-space()='" + option + "']")).click();
    }

    /**
     * Picks the option starting with {@code optionStart} in the select whose label starts with {@code label};
     * returns the texts the select offered (the list of names the form chooses from).
     */
    public List<String> chooseStartingWith(String label, String optionStart) {
        open(label);
        List<String> offered = browser.waitUntil(d -> {
            List<String> texts = d.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
                    .map(WebElement::getText).map(String::strip).toList();
            return texts.isEmpty() ? null : texts;
        });
        WebElement option = visible(By.xpath("//*[contains(@class, 'fjs-dropdownlist-item') and starts-with("
                + "normalize-space(), '" + optionStart + "')]"));
        centre(option);
        option.click();
        settle();
        return offered;
    }

    /**
     * Opens form-js' select (it opens on real mouse events) after scrolling it to the middle of the window:
     * Tasklist's footer lies over the lower part of a long form.
     */
    private void open(String label) {
        String selectId = visible(By.xpath("//label[starts-with(normalize-space(), '" + label + "')]")).getAttribute("for");
        WebElement display = visible(By.id(selectId + "-display"));
        centre(display);
        By list = By.cssSelector(".fjs-dropdownlist");
        browser.waitUntil(d -> {
            // a TAB from the field before may have focused the select and opened it: a click would close it
            if (!d.findElements(list).isEmpty()) {
                return true;
            }
            try {
                display.click();
            } catch (org.openqa.selenium.ElementClickInterceptedException e) {
                centre(display); // a notice or the footer moved over it: scroll again and retry
                return null;
            }
            pause(300);
            return d.findElements(list).isEmpty() ? null : true;
        });
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void centre(WebElement element) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    /** Types into the form field whose label starts with {@code label}. */
    public void typeInto(String label, String text) {
        String id = visible(By.xpath("//label[starts-with(normalize-space(), '" + label + "')]")).getAttribute("for");
        browser.driver().findElement(By.id(id)).sendKeys(text);
        // a checkbox clicked before the typed text is applied re-renders the form and loses the text
        settle();
    }

    /** Tasklist's footer and notifications may lie over a field: click it as a script would. */
    public void click(WebElement element) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", element);
    }

    public WebElement visible(By by) {
        return browser.waitUntil(d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /** The id of {@code user}'s open task of kind {@code taskKey} on the case, from our work list API. */
    @SuppressWarnings("unchecked")
    public String taskOf(String user, String caseNumber, String taskKey) {
        return browser.waitUntil(d -> {
            List<Map<String, Object>> tasks = http.withBasicAuth(user, "initiativ-demo")
                    .exchange("/api/tasks?max=200", HttpMethod.GET, null, List.class).getBody();
            return tasks.stream()
                    .filter(task -> caseNumber.equals(task.get("caseNumber")) && taskKey.equals(task.get("taskKey")))
                    .map(task -> (String) task.get("taskId")).findFirst().orElse(null);
        });
    }
}
