package dk.initiativ.support;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A staff user working a case's tasks on the case page in the browser, as a person does: logs in, opens the case from
 * the inbox, fills in a task's form (clicking labels, since dkfds draws radio buttons and boxes on them) and completes
 * it, back in the inbox. Shared by the browser stories that walk a case through its journey.
 */
public final class CaseTaskForms {

    private CaseTaskForms() {
    }

    /**
     * Logs in as the user, who lands in their inbox, and opens the case from there: searched by its number in
     * whichever of the user's views holds it (the engine may still be working, so the views are tried again until
     * it shows), as a case worker would; never by typing the case page's address.
     */
    public static void openCaseAs(Browser browser, String baseUrl, String user, String caseNumber) {
        browser.driver().manage().deleteAllCookies();
        browser.logIn(baseUrl, user);
        browser.openCaseFromInbox(caseNumber);
        assertThat(browser.currentUrl()).contains("fra=");
    }

    /** Opens the case as the user and waits (the engine may still be working) until the task's form is there. */
    public static void openTask(Browser browser, String baseUrl, String user, String caseNumber, String taskKey) {
        openCaseAs(browser, baseUrl, user, caseNumber);
        browser.waitUntil(driver -> {
            if (!driver.findElements(By.cssSelector("article[data-task='" + taskKey + "']")).isEmpty()) {
                return true;
            }
            driver.navigate().refresh();
            return null;
        });
    }

    public static WebElement article(Browser browser, String taskKey) {
        return browser.find("article[data-task='" + taskKey + "']");
    }

    public static WebElement field(Browser browser, String taskKey, String name) {
        return article(browser, taskKey).findElement(By.cssSelector("[name='" + name + "']"));
    }

    /** Clicks the label of the radio button or checklist box with that value. */
    public static void choose(Browser browser, String taskKey, String name, String value) {
        WebElement input = article(browser, taskKey).findElement(
                By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
        clickInView(browser, browser.find("label[for='" + input.getAttribute("id") + "']"));
    }

    /** Clicks the label of the single box {@code name}. */
    public static void tick(Browser browser, String taskKey, String name) {
        WebElement box = field(browser, taskKey, name);
        clickInView(browser, browser.find("label[for='" + box.getAttribute("id") + "']"));
    }

    public static void type(Browser browser, String taskKey, String name, String text) {
        WebElement input = field(browser, taskKey, name);
        input.clear();
        input.sendKeys(text);
    }

    public static void select(Browser browser, String taskKey, String name, String value) {
        new Select(field(browser, taskKey, name)).selectByValue(value);
    }

    /** Sends the task's form; see {@link Browser#click(WebElement)} for the wait for the next page. */
    public static void complete(Browser browser, String taskKey) {
        clickInView(browser, article(browser, taskKey).findElement(
                By.cssSelector("form.task-complete button[type='submit']")));
    }

    /** Back in the inbox the user came from, with a confirmation naming the case; axe-clean in that state too. */
    public static void backInTheInbox(Browser browser) {
        browser.waitUntil(driver -> driver.getCurrentUrl().contains("/indbakke") ? true : null);
        assertThat(browser.find("#notice-case").getAttribute("href")).contains("/cases/INI-");
        browser.assertAccessible();
    }

    /** Waits until the engine has proposed a contact person for the case, and names them. */
    public static String waitForContactPerson(ApiClient api, String caseNumber) {
        for (int attempt = 0; attempt < 100; attempt++) {
            Object person = api.initiative(caseNumber).get("contactPerson");
            if (person != null) {
                return (String) person;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("No contact person proposed for " + caseNumber);
    }

    private static void clickInView(Browser browser, WebElement element) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        browser.click(element);
    }
}
