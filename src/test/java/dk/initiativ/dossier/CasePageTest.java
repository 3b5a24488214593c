package dk.initiativ.dossier;

import java.util.List;
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

import static dk.initiativ.process.InitiativeProcess.TASK_PLAN_SUPPORT;
import static dk.initiativ.process.InitiativeProcess.TASK_SCREEN_INITIATIVE;
import static dk.initiativ.support.ApiClient.ok;
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

    @Test
    void intakeReadsTheQuestionAndTheCitizensAnswerInFullOnThePageAndInTheDossier() {
        ApiClient.Submitted submitted = api.submit("Shelter ved åen", "natur-miljoe", "moerkoev", List.of("FUNDING"));
        String caseNumber = submitted.caseNumber();
        ok(api.post("intake", "/api/tasks/" + api.task("intake", caseNumber, TASK_SCREEN_INITIATIVE) + "/screening",
                Map.of("decision", "request-information", "note", "Hvor præcis skal shelteret stå?")));
        String answer = "Ved åen bag skolen, 20 meter fra stien 🌲 – <b>ikke</b> i skoven.";
        ResponseEntity<Map> answered = http.postForEntity("/api/citizen/" + submitted.token() + "/answer",
                new HttpEntity<>(Map.of("answer", answer), ApiClient.json()), Map.class);
        assertThat(answered.getStatusCode().is2xxSuccessful()).as(String.valueOf(answered.getBody())).isTrue();

        String page = api.as("intake").getForObject("/cases/" + caseNumber, String.class);
        assertThat(page).contains("Visitationens spørgsmål til borgeren", "Hvor præcis skal shelteret stå?",
                "Borgerens svar", "Ved åen bag skolen, 20 meter fra stien 🌲 – &lt;b&gt;ikke&lt;/b&gt; i skoven.",
                "Borgeren har svaret").doesNotContain("Dit svar er modtaget", "<b>ikke</b>");

        List<Map<String, Object>> timeline = (List<Map<String, Object>>) api.initiative(caseNumber).get("timeline");
        assertThat(timeline).anySatisfy(entry -> {
            assertThat(entry.get("type")).isEqualTo("INFORMATION_PROVIDED");
            assertThat(entry.get("detail")).isEqualTo(answer);
        });
        // the citizen's own timeline keeps its wording and leaves their answer out
        assertThat(api.citizen(submitted.token()).toString()).doesNotContain("20 meter fra stien");
    }

    @Test
    void staffReadNamesTracksAmountsAndOpenTasksInTheirOwnWordsInDanishAndEnglish() {
        ApiClient.Submitted submitted = api.submit("Repair café i hallen", "natur-miljoe", "moerkoev",
                List.of("FUNDING", "PERMITS"));
        String caseNumber = submitted.caseNumber();
        String contact = api.toSupportPlan(caseNumber);
        ok(api.post(contact, "/api/tasks/" + api.task(contact, caseNumber, TASK_PLAN_SUPPORT) + "/support-plan",
                Map.of("funding", true, "fundingPool", "groen-pulje", "fundingAmount", 25000, "fundingPurpose",
                        "Værktøj", "permits", true, "permitTypes", List.of("brug-af-offentligt-areal"),
                                "partners", false, "political", false)));

        String page = api.as("intake").getForObject("/cases/" + caseNumber + "?lang=da", String.class);
        String name = displayName(contact);
        assertThat(page).contains("id=\"case-contact-person\">" + name + "<", "Ida Visitation",
                "Støtteplan lagt", "puljemidler, tilladelser", "Grøn pulje: 25.000 kr.",
                "Kontaktpersonen har taget sagen", "Åbne opgaver", "Afgør puljeansøgning", "Afgør tilladelse",
                "Ikke taget endnu (Puljeansvarlige)", "Ikke taget endnu (Vej og Park)", "arbejdsdage tilbage")
                .doesNotContain("(vej-park)", "25000.00", "funding, permits", "Du har fået en kontaktperson",
                        "<span>" + contact + "</span>", ">" + contact + "<");
        String english = api.as("intake").getForObject("/cases/" + caseNumber + "?lang=en", String.class);
        assertThat(english).contains("Support plan made", "funding, permits", "Grøn pulje: DKK 25,000",
                "Open tasks", "Decide the funding application", "working days left", "(Roads and Parks)", name)
                .doesNotContain("25000.00", "You have a contact person");
    }

    private String displayName(String userId) {
        List<Map<String, Object>> all = api.as("admin").getForObject("/api/staff", List.class);
        return (String) all.stream().filter(member -> userId.equals(member.get("userId"))).findFirst().orElseThrow()
                .get("displayName");
    }

    private String submit(String title, String description) {
        return (String) http.postForEntity("/api/initiatives", new HttpEntity<>(Map.of("title", title,
                "description", description, "topic", "natur-miljoe", "district", "moerkoev",
                "contactName", "Nina Bænk", "contactEmail", "initiativ-test@example.org", "consent", true),
                ApiClient.json()), Map.class).getBody().get("caseNumber");
    }

    @Test
    void theCitizensAddressIsOneAddressInTheMailLink() {
        // a question mark is allowed in an address; in a mailto link it would start a query that adds a cc
        Map<String, Object> body = Map.of("title", "Bænk ved stien", "description", "En bænk", "topic", "natur-miljoe",
                "district", "holbaek-by", "contactName", "Else Borger", "contactEmail", "else?cc=evil@example.org",
                "consent", true);
        Map<?, ?> receipt = http.postForEntity("/api/initiatives", new HttpEntity<>(body, ApiClient.json()), Map.class)
                .getBody();
        String page = api.as("intake").getForObject("/cases/" + receipt.get("caseNumber"), String.class);
        assertThat(page).contains("href=\"mailto:else%3Fcc=evil@example.org\"").doesNotContain("mailto:else?cc");
    }

}
