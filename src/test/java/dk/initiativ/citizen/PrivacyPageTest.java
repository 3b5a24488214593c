package dk.initiativ.citizen;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dk.initiativ.initiative.Outcome;
import dk.initiativ.privacy.AccessLogProperties;
import dk.initiativ.privacy.AnonymisationProperties;
import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each promise of the privacy notice (ADR 0028, 0032): the periods come from the configuration (a changed period
 * changes the page), what anonymisation removes and keeps, who sees the data, the access log, erasure and the
 * consent withdrawal, in Danish and English.
 */
@LocalModeTest
class PrivacyPageTest {

    @Autowired TestRestTemplate http;
    @Autowired AnonymisationProperties anonymisation;
    @Autowired AccessLogProperties accessLog;
    @Autowired MessageSource texts;

    @Test
    void thePageNamesTheConfiguredPeriodsAndEveryPromiseInBothLanguages() {
        String da = page("da");
        // the defaults of the configuration: 6 months for the short outcomes, 24 for the others, the log's 6 months
        assertThat(anonymisation.after(Outcome.WITHDRAWN)).isEqualTo(Period.ofMonths(6));
        assertThat(anonymisation.after(Outcome.REALISED)).isEqualTo(Period.ofMonths(24));
        assertThat(da).contains("data-months=\"6\"", "data-months=\"24\"")
                .contains("6 måneder efter at sagen er lukket, når den endte sådan: trukket tilbage, lukket uden svar,"
                        + " henvist til en anden kanal, lagt sammen med et andet initiativ.")
                .contains("24 måneder efter at sagen er lukket, når den endte sådan: realiseret, delvist realiseret")
                .contains("Loggen over medarbejdernes opslag i din sag gemmes i 6 måneder.")
                .contains("id=\"privacy-removed\"", "id=\"privacy-kept\"", "id=\"privacy-showcase\"",
                        "id=\"privacy-erase\"", "id=\"privacy-withdraw\"", "id=\"privacy-who\"",
                        "id=\"privacy-access-log\"", "id=\"privacy-volunteers\"")
                // volunteers in the network (ADR 0039): what, why, who sees it, the log's period, how they are removed
                .contains("Er du frivillig i kommunens netværk, gemmer vi dit navn",
                        "hvert opslag i dem skrives i adgangsloggen, som gemmes i 6 måneder",
                        "sletter vi dine kontaktoplysninger med det samme");
        String en = page("en");
        assertThat(en).contains("6 months after the case was closed, when it ended as: withdrawn",
                "24 months after the case was closed, when it ended as: realised",
                "The log of staff lookups in your case is kept for 6 months.",
                "we keep your name, a short description of what you offer",
                "each look-up is written in the access log, which is kept for 6 months",
                "we delete your contact data at once");
        for (String key : List.of("privacy.page.howLong.removed", "privacy.page.howLong.kept",
                "privacy.page.howLong.showcase", "privacy.page.rights.erase", "privacy.page.rights.withdraw",
                "privacy.page.who.text", "admin.network.privacy.what", "admin.network.privacy.removed")) {
            assertThat(da).contains(HtmlUtils.htmlEscape(texts.getMessage(key, null, Locale.forLanguageTag("da")),
                    "UTF-8"));
            assertThat(en).contains(HtmlUtils.htmlEscape(texts.getMessage(key, null, Locale.ENGLISH), "UTF-8"));
        }
    }

    @Test
    void aChangedPeriodChangesWhatThePageSays() {
        CitizenPagesController controller = new CitizenPagesController(null,
                new AccessLogProperties(Period.ofMonths(3), Duration.ofHours(1), 100),
                new AnonymisationProperties(Map.of(Outcome.WITHDRAWN, Period.ofMonths(1),
                        Outcome.REALISED, Period.ofMonths(36)), Duration.ofHours(1), 10), texts);
        ExtendedModelMap model = new ExtendedModelMap();
        assertThat(controller.privacy(model, Locale.forLanguageTag("da"))).isEqualTo("privacy");
        assertThat(model.get("accessLogMonths")).isEqualTo(3L);
        assertThat((List<CitizenPagesController.Retention>) model.get("retentions")).containsExactly(
                new CitizenPagesController.Retention(1, "trukket tilbage"),
                new CitizenPagesController.Retention(6, "lukket uden svar, henvist til en anden kanal,"
                        + " lagt sammen med et andet initiativ"),
                new CitizenPagesController.Retention(24, "delvist realiseret, overdraget til en forening,"
                        + " sendt videre til politikerne, ikke realiseret"),
                new CitizenPagesController.Retention(36, "realiseret"));
        // the running application's page shows its own configuration, not these
        assertThat(page("da")).doesNotContain("data-months=\"36\"", "data-months=\"1\"");
    }

    private String page(String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        return http.exchange("/privacy?lang=" + language, HttpMethod.GET, new HttpEntity<>(headers), String.class)
                .getBody();
    }
}
