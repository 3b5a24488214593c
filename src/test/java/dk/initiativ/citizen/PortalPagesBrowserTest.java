package dk.initiativ.citizen;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import dk.initiativ.initiative.HelpKind;
import dk.initiativ.initiative.SubmissionReceipt;
import dk.initiativ.initiative.SubmissionService;
import dk.initiativ.initiative.SubmitInitiativeRequest;
import dk.initiativ.initiative.Submitter;
import dk.initiativ.support.ApiClient;
import dk.initiativ.support.Browser;
import dk.initiativ.support.LocalModeTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dk.initiativ.citizen.TrackingPageBrowserTest.navigate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The other citizen pages in a real headless Chromium: the showcase (only consented, realised initiatives,
 * never a name), "my initiatives" after a citizen's login (filled and empty), the privacy notice, and the
 * friendly 403 and 500 pages; axe-core in Danish and English, one pass at phone width.
 */
@LocalModeTest
class PortalPagesBrowserTest {

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired SubmissionService submissions;
    @Autowired IdentityService identityService;

    PortalCases cases;

    @BeforeEach
    void setUp() {
        cases = new PortalCases(http, runtimeService, managementService);
    }

    @Test
    void theShowcaseShowsConsentedRealisedInitiativesWithoutNames() {
        String unique = UUID.randomUUID().toString().substring(0, 6);
        ApiClient.Submitted shown = cases.submit("Frugtlund i Jyderup " + unique, "jyderup", true);
        cases.close(cases.agreed(shown.caseNumber()), shown.caseNumber(), "REALISED", "Træerne er plantet.");
        ApiClient.Submitted private_ = cases.submit("Kælkebakke uden samtykke " + unique, "jyderup", false);
        cases.close(cases.agreed(private_.caseNumber()), private_.caseNumber(), "REALISED", "Bakken er klar.");
        ApiClient.Submitted notRealised = cases.submit("Svømmesø " + unique, "jyderup", true);
        cases.close(cases.agreed(notRealised.caseNumber()), notRealised.caseNumber(), "NOT_REALISED", "Desværre.");

        try (Browser browser = Browser.desktop()) {
            browser.open(url("/showcase?lang=da"));
            new Select(browser.find("#district")).selectByValue("jyderup");
            navigate(browser, "#showcase-filter");
            assertThat(browser.currentUrl()).contains("district=jyderup");
            String list = browser.find("#showcase-list").getText();
            assertThat(list).contains("Frugtlund i Jyderup " + unique, "Gennemført", "Jyderup", "Natur og miljø")
                    .doesNotContain("Kælkebakke uden samtykke " + unique, "Svømmesø " + unique);
            assertThat(browser.driver().getPageSource()).doesNotContain("Else Borger", "else.borger@example.org",
                    "12 34 56 78", shown.token());
            browser.assertAccessible();
            browser.open(url("/showcase?district=jyderup&lang=en"));
            assertThat(browser.find("#showcase-list").getText()).contains("Frugtlund i Jyderup " + unique, "Realised");
            browser.assertAccessible();

            // the empty state (no test publishes in Svinninge), and nonsense paging answered without an error
            browser.open(url("/showcase?district=svinninge&lang=da"));
            assertThat(browser.find("#showcase-empty").getText()).contains("Der er ingen gennemførte initiativer");
            browser.assertAccessible();
            browser.open(url("/showcase?district=svinninge&lang=en"));
            browser.assertAccessible();
            browser.open(url("/showcase?page=999999999999&district=%3Cscript%3E&lang=da"));
            assertThat(browser.find("h1").getText()).isEqualTo("Initiativer, der er blevet til virkelighed");
        }
        try (Browser phone = Browser.phone()) {
            phone.emulateWidth(320);
            phone.open(url("/showcase?district=jyderup"));
            phone.assertFitsWidth();
            phone.assertAccessible();
        }
    }

    @Test
    void aCitizenLandsOnMyInitiativesAfterLoginAndFollowsALink() {
        SubmissionReceipt receipt = submissions.submit(new SubmitInitiativeRequest("Sankthansbål på stranden",
                "Et fælles bål for hele byen.", "kultur-fritid", "tuse-naes", "Camilla Borger",
                "camilla.borger@example.org", true, Set.of(HelpKind.PERMITS)), Locale.forLanguageTag("da"),
                new Submitter("citizen", null));

        try (Browser browser = Browser.desktop()) {
            browser.open(url("/login?lang=da"));
            browser.submitLogin("citizen", ApiClient.PASSWORD);
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/my") ? true : null);
            assertThat(browser.find("#my-list").getText()).contains("Sankthansbål på stranden", receipt.caseNumber(),
                    "Modtaget – vi kigger på det");
            browser.assertAccessible();
            browser.open(url("/my?lang=en"));
            assertThat(browser.find("h1").getText()).isEqualTo("My initiatives");
            browser.assertAccessible();
            browser.open(url("/my?lang=da"));
            browser.find("#my-list");
            browser.click(browser.driver().findElement(By.linkText("Sankthansbål på stranden")));
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/track/" + receipt.trackingToken()) ? true : null);
            assertThat(browser.find("#case-number").getText()).isEqualTo(receipt.caseNumber());
        }
    }

    @Test
    void aCitizenWithoutInitiativesSeesTheWayToTheForm() {
        String userId = "borger" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        User user = identityService.newUser(userId);
        user.setFirstName("Ny");
        user.setLastName("Borger");
        user.setEmail(userId + "@example.org");
        user.setPassword("en-lang-adgangskode");
        identityService.saveUser(user);
        identityService.createMembership(userId, "citizen");

        try (Browser browser = Browser.phone()) {
            browser.emulateWidth(320);
            browser.open(url("/login?lang=da"));
            browser.submitLogin(userId, "en-lang-adgangskode");
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/my") ? true : null);
            assertThat(browser.find("#my-empty").getText()).contains("Du har ikke sendt nogen initiativer");
            assertThat(browser.find("#my-start").getAttribute("href")).endsWith("/");
            browser.assertFitsWidth();
            browser.assertAccessible();
            browser.open(url("/my?lang=en"));
            assertThat(browser.find("#my-empty").getText()).contains("You have not sent any initiatives");
            browser.assertAccessible();
            browser.open(url("/my?lang=da"));
        }
    }

    @Test
    void staffLandInTheirInboxAndGetTheFriendly403And500Pages() {
        try (Browser browser = Browser.desktop()) {
            browser.open(url("/login?lang=da"));
            browser.submitLogin("contact", ApiClient.PASSWORD);
            browser.find("#logged-in-as");
            assertThat(browser.currentUrl()).endsWith("/indbakke");

            browser.open(url("/my"));
            assertThat(browser.find("#error-title").getText()).isEqualTo("Du har ikke adgang til denne side");
            browser.assertAccessible();
            browser.open(url("/my?lang=en"));
            assertThat(browser.find("#error-title").getText()).isEqualTo("You do not have access to this page");
            browser.assertAccessible();

            browser.open(url("/test-support/failing-page?lang=en"));
            assertThat(browser.find("#error-title").getText()).isEqualTo("Something went wrong on our side");
            assertThat(browser.driver().getPageSource()).doesNotContain("IllegalStateException", "on purpose");
            browser.assertAccessible();
            browser.open(url("/test-support/failing-page?lang=da"));
            assertThat(browser.find("#error-title").getText()).isEqualTo("Der skete en fejl hos os");
            browser.assertAccessible();
            navigate(browser, "#error-home");
            assertThat(browser.currentUrl()).endsWith("/");
        }
    }

    @Test
    void thePrivacyNoticeIsLinkedFromEveryPageAndReadsInBothLanguages() {
        try (Browser browser = Browser.desktop()) {
            browser.open(url("/?lang=da"));
            navigate(browser, "footer a[href$='/privacy']");
            assertThat(browser.find("h1").getText()).isEqualTo("Sådan behandler vi dine oplysninger");
            assertThat(browser.find("main").getText()).contains("artikel 6, stk. 1, litra e", "Datatilsynet",
                    "Hent dine data");
            browser.assertAccessible();
            browser.open(url("/privacy?lang=en"));
            assertThat(browser.find("h1").getText()).isEqualTo("How we handle your data");
            assertThat(browser.find("main").getText()).contains("Article 6(1)(e)");
            browser.assertAccessible();
            browser.open(url("/privacy?lang=da"));
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
