package dk.initiativ.dossier;

import java.util.Map;

import dk.initiativ.support.ApiClient;
import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** The case page staff open from Tasklist: citizen text as text, and only for those who may read the case. */
@LocalModeTest
class CasePageTest {

    @Autowired
    TestRestTemplate http;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(http);
    }

    @Test
    void staffReadWhatTheCitizenWroteAsText() {
        String caseNumber = submit("<script>alert('title')</script> Bænke ved søen",
                "Vi vil gerne have tre bænke.\n<img src=x onerror=alert(1)>");

        ResponseEntity<String> page = api.as("intake").getForEntity("/cases/" + caseNumber, String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody())
                .contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Bænke ved søen")
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<script>alert", "<img src=x")
                .contains("Modtaget, venter på visitation", "initiativ-test@example.org");
    }

    @Test
    void aContactPersonWhoDoesNotCarryTheCaseIsRefused() {
        String caseNumber = submit("Legeplads i Mørkøv", "En lille legeplads.");

        ResponseEntity<String> refused = api.as("emil").getForEntity("/cases/" + caseNumber, String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).contains("id=\"error-title\"");
        assertThat(api.as("intake").getForEntity("/cases/INI-1999-99999", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.as("citizen").getForEntity("/cases/" + caseNumber, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private String submit(String title, String description) {
        return (String) http.postForEntity("/api/initiatives", new HttpEntity<>(Map.of("title", title,
                "description", description, "topic", "natur-miljoe", "district", "moerkoev",
                "contactName", "Nina Bænk", "contactEmail", "initiativ-test@example.org", "consent", true),
                ApiClient.json()), Map.class).getBody().get("caseNumber");
    }
}
