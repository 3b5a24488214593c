package dk.initiativ.citizen;

import java.util.List;
import java.util.Map;

import dk.initiativ.support.ApiClient;
import dk.initiativ.support.Browser;
import dk.initiativ.support.LocalModeTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The citizen's tracking page in a real headless Chromium against the real application: answer intake's
 * question, exchange messages with the contact person (staff side through the API), withdraw with
 * confirmation, the survey after closure; field errors with the error summary; axe-core on every page and
 * state in Danish and English; one pass at phone width (with the screenshots of docs/screenshots).
 */
@LocalModeTest
class TrackingPageBrowserTest {

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;

    PortalCases cases;

    @BeforeEach
    void setUp() {
        cases = new PortalCases(http, runtimeService, managementService);
    }

    @Test
    void aCitizenAnswersWritesWithdrawsAndEvaluates() {
        ApiClient.Submitted submitted = cases.submit("Shelter ved <script>alert('titel')</script> åen", "jyderup", false);
        cases.askCitizen(submitted.caseNumber(), "Hvor skal shelteret stå?");
        try (Browser browser = Browser.desktop()) {
            browser.open(url("/track/" + submitted.token()));
            assertThat(browser.find("#case-title").getText()).isEqualTo("Shelter ved <script>alert('titel')</script> åen");
            assertThat(browser.find("#stage").getText()).isEqualTo("Vi venter på dit svar");
            assertThat(browser.find("#open-question").getText()).isEqualTo("Hvor skal shelteret stå?");
            assertThat(browser.find("#contact-none").getText()).contains("Du får en kontaktperson");
            assertNoAlert(browser);
            browser.assertAccessible();

            // an empty answer: the message next to the field and in the linked error summary
            navigate(browser, "#answer-submit");
            assertThat(browser.find("#answer-error").getText()).contains("Svar skal udfyldes.");
            assertThat(browser.find("#error-summary a[href='#answer']").getText()).isEqualTo("Svar skal udfyldes.");
            browser.assertAccessible();
            // too long: refused, and what was typed is kept
            setValue(browser, "answer", "x".repeat(5001));
            navigate(browser, "#answer-submit");
            assertThat(browser.find("#answer-error").getText()).contains("Svar må højst være 5000 tegn.");
            assertThat(browser.find("#answer").getAttribute("value")).hasSize(5001);

            setValue(browser, "answer", "Ved åen bag skolen.");
            navigate(browser, "#answer-submit");
            assertThat(browser.find("#notice").getText()).contains("Tak for dit svar");
            assertThat(browser.currentUrl()).endsWith("/track/" + submitted.token());
            assertThat(browser.find("#stage").getText()).isEqualTo("Modtaget – vi kigger på det");
            assertThat(browser.find("#timeline").getText()).contains("Dit svar er modtaget");
            assertThat(browser.driver().findElements(By.id("answer"))).isEmpty();
            browser.assertAccessible();

            String contact = cases.agreed(submitted.caseNumber());
            browser.open(url("/track/" + submitted.token()));
            assertThat(browser.find("#stage").getText()).isEqualTo("I er i gang");
            assertThat(browser.find("#contact-name").getText()).isNotBlank();
            assertThat(browser.find("#contact-email").getAttribute("href")).startsWith("mailto:");
            assertThat(browser.find("#agreement").getText()).contains("Hjælpe med ansøgningen", "Vi mødes igen");

            // messages: an empty one is refused; a script is shown as text, never run
            navigate(browser, "#message-submit");
            assertThat(browser.find("#body-error").getText()).contains("Skriv en besked.");
            browser.assertAccessible();
            browser.type("#body", "<script>alert('hej')</script> Hvornår kan vi mødes?");
            navigate(browser, "#message-submit");
            assertThat(browser.find("#notice").getText()).isEqualTo("Din besked er sendt.");
            cases.messageFromStaff(contact, submitted.caseNumber(), "Tirsdag kl. 10 ved åen?");
            browser.driver().navigate().refresh();
            List<String> thread = browser.driver().findElements(By.cssSelector("#message-thread .message-body")).stream()
                    .map(element -> element.getText()).toList();
            assertThat(thread).containsExactly("<script>alert('hej')</script> Hvornår kan vi mødes?", "Tirsdag kl. 10 ved åen?");
            assertThat(browser.find("#message-thread .message-staff .message-meta").getText())
                    .startsWith(browser.find("#contact-name").getText());
            assertNoAlert(browser);
            browser.assertAccessible();

            browser.open(url("/track/" + submitted.token() + "?lang=en"));
            assertThat(browser.find("#contact-heading").getText()).isEqualTo("Your contact person");
            assertThat(browser.find("#stage").getText()).isEqualTo("Work is under way");
            browser.assertAccessible();
            browser.open(url("/track/" + submitted.token() + "?lang=da"));

            // withdraw: a confirmation page first; "no" goes back without change
            navigate(browser, "#withdraw-link");
            assertThat(browser.find("#withdraw-title").getText()).isEqualTo("Vil du trække initiativet tilbage?");
            browser.assertAccessible();
            navigate(browser, "#withdraw-cancel");
            assertThat(browser.find("#stage").getText()).isEqualTo("I er i gang");
            navigate(browser, "#withdraw-link");
            navigate(browser, "#withdraw-confirm");
            assertThat(browser.find("#notice").getText()).contains("Du har trukket dit initiativ tilbage");
            assertThat(browser.find("#stage").getText()).isEqualTo("Trukket tilbage");
            assertThat(browser.driver().findElements(By.id("withdraw-link"))).isEmpty();
            assertThat(browser.driver().findElements(By.id("body"))).isEmpty();
            browser.assertAccessible();
            // the confirmation page is no longer offered
            browser.open(url("/track/" + submitted.token() + "/withdraw"));
            assertThat(browser.currentUrl()).endsWith("/track/" + submitted.token());

            // a withdrawal ends no collaboration to evaluate: no survey offered, not even by its address
            assertThat(browser.driver().findElements(By.id("survey-link"))).isEmpty();
            assertThat(browser.find("#contact-name").getText()).isNotBlank(); // they had accepted the case
            browser.open(url("/track/" + submitted.token() + "/survey"));
            assertThat(browser.currentUrl()).endsWith("/track/" + submitted.token());

            // the survey after the contact person closed a case: a rating is required, the comment optional
            ApiClient.Submitted closed = cases.submit("Fællesspisning i hallen", "jyderup", false);
            cases.close(cases.agreed(closed.caseNumber()), closed.caseNumber(), "REALISED", "Tak for i dag.");
            browser.open(url("/track/" + closed.token()));
            navigate(browser, "#survey-link");
            assertThat(browser.find("#survey-title").getText()).isEqualTo("Hvordan gik det?");
            browser.assertAccessible();
            navigate(browser, "#survey-submit");
            assertThat(browser.find("#rating-error").getText()).contains("Vælg et tal fra 1 til 5.");
            assertThat(browser.find("#error-summary a[href='#rating']")).isNotNull();
            browser.assertAccessible();
            browser.click("#rating-4");
            browser.type("#comment", "Hurtigt svar <b>tak</b>");
            navigate(browser, "#survey-submit");
            assertThat(browser.find("#survey-thanks").getText()).isEqualTo("Tak for din vurdering");
            assertThat(browser.find("#notice").getText()).isEqualTo("Tak for din vurdering.");
            assertThat(browser.find("#survey-comment").getText()).isEqualTo("Hurtigt svar <b>tak</b>");
            assertThat(browser.driver().findElements(By.id("survey-submit"))).isEmpty();
            browser.assertAccessible();
            browser.open(url("/track/" + closed.token() + "/survey?lang=en"));
            assertThat(browser.find("#survey-thanks").getText()).isEqualTo("Thank you for your evaluation");
            browser.assertAccessible();
            browser.open(url("/track/" + closed.token() + "?lang=en"));
            assertThat(browser.find("#timeline").getText()).contains("You answered the evaluation");
            assertThat(browser.driver().findElements(By.id("survey-link"))).isEmpty();
            browser.assertAccessible();
            browser.open(url("/track/" + submitted.token() + "?lang=en"));
            assertThat(browser.find("#timeline").getText()).contains("You withdrew the initiative");
            browser.assertAccessible();
        }
    }

    @Test
    void aClosedSurveyInEnglishShowsItsErrorsInEnglish() {
        ApiClient.Submitted submitted = cases.submit("Bænke langs stien", "jyderup", false);
        String contact = cases.agreed(submitted.caseNumber());
        cases.close(contact, submitted.caseNumber(), "PARTLY_REALISED", "To af tre bænke står der nu.");
        try (Browser browser = Browser.desktop()) {
            browser.open(url("/track/" + submitted.token() + "?lang=en"));
            assertThat(browser.find("#stage").getText()).isEqualTo("Partly realised");
            assertThat(browser.find("#closing-message").getText()).isEqualTo("To af tre bænke står der nu.");
            assertThat(browser.find("#progress").getText()).isEqualTo("100 % done");
            browser.assertAccessible();
            navigate(browser, "#survey-link");
            browser.type("#comment", "y".repeat(2001));
            navigate(browser, "#survey-submit");
            assertThat(browser.find("#rating-error").getText()).contains("Choose a number from 1 to 5.");
            assertThat(browser.find("#comment-error").getText()).contains("at most 2000 characters");
            assertThat(browser.find("#comment").getAttribute("value")).hasSize(2001);
            browser.assertAccessible();
            browser.open(url("/track/" + submitted.token() + "?lang=da"));
        }
    }

    @Test
    void aMadeUpTokenShowsTheFriendly404PageInBothLanguages() {
        try (Browser browser = Browser.desktop()) {
            browser.open(url("/track/" + "Q".repeat(43)));
            assertThat(browser.find("#error-title").getText()).isEqualTo("Siden findes ikke");
            browser.assertAccessible();
            browser.open(url("/track/" + "Q".repeat(43) + "?lang=en"));
            assertThat(browser.find("#error-title").getText()).isEqualTo("Page not found");
            browser.assertAccessible();
            browser.open(url("/track/?lang=en"));
            assertThat(browser.find("#error-title").getText()).isEqualTo("Page not found");
            navigate(browser, "#error-home");
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/") ? true : null);
            browser.open(url("/?lang=da"));
        }
    }

    @Test
    void answeringAQuestionAnsweredElsewhereShowsAClearConflictPageWithAWayBack() {
        ApiClient.Submitted submitted = cases.submit("Lys i tunnellen", "jyderup", false);
        cases.askCitizen(submitted.caseNumber(), "Hvilken tunnel?");
        try (Browser browser = Browser.desktop()) {
            browser.open(url("/track/" + submitted.token()));
            browser.type("#answer", "Den under banen.");
            // meanwhile answered from another tab (through the citizen API)
            ApiClient.ok(http.postForEntity("/api/citizen/" + submitted.token() + "/answer",
                    new HttpEntity<>(Map.of("answer", "Den ved stationen."), ApiClient.json()), Map.class));
            navigate(browser, "#answer-submit");
            assertThat(browser.find("#error-title").getText()).isEqualTo("Det kunne ikke lade sig gøre");
            assertThat(browser.find("#error-text").getText())
                    .isEqualTo("Der er ikke noget åbent spørgsmål at svare på i denne sag.");
            browser.assertAccessible();
            navigate(browser, "#error-back");
            assertThat(browser.find("#case-number").getText()).isEqualTo(submitted.caseNumber());
        }
    }

    @Test
    void onAPhoneTheTrackingPageFitsTheScreenAndIsAccessible() throws Exception {
        ApiClient.Submitted submitted = cases.submit("Naturlegeplads ved Jyderup Å", "jyderup", true);
        String contact = cases.agreed(submitted.caseNumber());
        http.postForEntity("/api/citizen/" + submitted.token() + "/messages", new HttpEntity<>(
                Map.of("body", "Hej! Vi er otte familier, der gerne vil bygge legepladsen sammen. Hvornår kan vi mødes?"),
                ApiClient.json()), Void.class);
        cases.messageFromStaff(contact, submitted.caseNumber(),
                "Hej Else. Tak for jeres idé! Jeg har søgt Grøn pulje for jer. Lad os mødes tirsdag kl. 10 ved åen.");
        cases.fundedWithPermitWaiting(contact, submitted.caseNumber());
        try (Browser phone = Browser.phone()) {
            // headless Chromium keeps a window wider than a phone: emulate a 320 px wide one, the narrowest asked for
            phone.emulateWidth(320);
            phone.open(url("/track/" + submitted.token()));
            assertThat(phone.find("#funding").getText()).contains("Grøn pulje", "Bevilget", "35.000");
            assertThat(phone.find("#permits").getText()).contains("Brug af offentligt areal", "Venter på svar");
            phone.assertFitsWidth();
            phone.assertAccessible();
            phone.emulateWidth(375);
            phone.fullPageScreenshot("track-phone.png");
            phone.emulateWidth(320);
            phone.open(url("/track/" + submitted.token() + "?lang=en"));
            phone.assertFitsWidth();
            phone.assertAccessible();
            phone.open(url("/track/" + submitted.token() + "/withdraw"));
            phone.assertFitsWidth();
            phone.assertAccessible();
            phone.open(url("/track/made-up?lang=da"));
            phone.assertFitsWidth();
            phone.assertAccessible();
        }
        try (Browser desktop = Browser.desktop()) {
            desktop.open(url("/track/" + submitted.token()));
            desktop.find("#message-thread");
            desktop.fullPageScreenshot("track-desktop.png");
        }
    }

    /** Clicks what loads a new page (a link, a form's button) and waits until the old page is gone. */
    static void navigate(Browser browser, String css) {
        WebElement page = browser.find("html");
        browser.click(css);
        browser.waitUntilGone(page);
    }



    private static void assertNoAlert(Browser browser) {
        assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    private static void setValue(Browser browser, String id, String value) {
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById(arguments[0]).value = arguments[1];",
                id, value);
    }


    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
