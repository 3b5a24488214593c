package dk.initiativ.citizen;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.initiativ.support.ApiClient;
import dk.initiativ.support.LocalModeTest;
import dk.initiativ.support.SessionClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tracking page over plain HTTP: the private-page headers, the same friendly 404 for every unknown,
 * malformed or missing token (no 5xx, no hint whether a case exists), the JSON download, the API's
 * problem details left as they were, and a form without its CSRF token refused with nothing stored.
 */
@LocalModeTest
class TrackingPageHttpTest {

    @Autowired TestRestTemplate http;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;
    @Autowired Surveys surveys;

    PortalCases cases;

    @LocalServerPort int port;

    @BeforeEach
    void setUp() {
        cases = new PortalCases(http, runtimeService, managementService);
    }

    @Test
    void unknownMalformedAndMissingTokensAllGetTheSameFriendly404() {
        ApiClient.Submitted real = cases.submit("Bålplads ved skoven", "jyderup", false);
        String madeUp = "A".repeat(real.token().length());
        List<String> paths = List.of("/track/" + madeUp, "/track/x", "/track/" + "B".repeat(300),
                "/track/<script>alert(1)", "/track/' OR 1=1 --", "/track/", "/track",
                "/track/" + madeUp + "/withdraw", "/track/" + madeUp + "/data.json", "/track/" + madeUp + "/survey");
        for (String path : paths) {
            ResponseEntity<String> response = html(path, "da");
            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).as(path).isTrue();
            assertThat(response.getBody()).as(path).contains("Siden findes ikke").doesNotContain(real.caseNumber());
        }
        assertThat(html("/track/" + madeUp, "en").getBody()).contains("Page not found");
        // the made-up token and a malformed one get the very same page
        assertThat(html("/track/" + madeUp, "da").getBody()).isEqualTo(html("/track/x", "da").getBody());
    }

    @Test
    void privatePagesAreNeitherCachedNorIndexedNorSentOnAsReferer() {
        ApiClient.Submitted real = cases.submit("Fællesskab i gården", "jyderup", false);
        for (String path : List.of("/track/" + real.token(), "/track/made-up-token", "/track/" + real.token() + "/data.json")) {
            HttpHeaders headers = html(path, "da").getHeaders();
            assertThat(headers.getCacheControl()).as(path).isEqualTo("no-store");
            assertThat(headers.getFirst("Referrer-Policy")).as(path).isEqualTo("no-referrer");
            assertThat(headers.getFirst("X-Robots-Tag")).as(path).contains("noindex");
        }
        ResponseEntity<String> page = html("/track/" + real.token(), "da");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains(real.caseNumber(), "Fællesskab i gården");
    }

    @Test
    void theApiKeepsAnsweringProblemDetails() {
        ResponseEntity<Map> response = http.getForEntity("/api/citizen/made-up-token", Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(response.getBody()).containsKey("title");
    }

    @Test
    void aFormPostWithoutItsCsrfTokenIsRefusedAndNothingIsStored() {
        ApiClient.Submitted real = cases.submit("Grøn skolegård", "jyderup", false);
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("body", "Hej fra en anden side");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> response = http.exchange("/track/" + real.token() + "/messages", HttpMethod.POST,
                new HttpEntity<>(form, headers), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getBody()).contains("id=\"error-title\"");
        assertThat(messagesOf(real.caseNumber())).isZero();
        ResponseEntity<String> withdraw = http.exchange("/track/" + real.token() + "/withdraw", HttpMethod.POST,
                new HttpEntity<>(new LinkedMultiValueMap<>(), headers), String.class);
        assertThat(withdraw.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(cases.api().citizen(real.token()).get("stage")).isEqualTo("SUBMITTED");
    }

    @Test
    void aTrackingPageFormShownAgainWithAFieldErrorAnswers400LikeThePublicForm() {
        ApiClient.Submitted real = cases.submit("Blomster i parken", "jyderup", false);
        SessionClient browser = new SessionClient(port);
        String csrf = browser.csrfTokenOf("/track/" + real.token());
        HttpResponse<String> empty = browser.send(browser.request("/track/" + real.token() + "/messages")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)
                        + "&body=")).build());
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("id=\"error-summary\"");
        assertThat(messagesOf(real.caseNumber())).isZero();
    }

    @Test
    void theDownloadHoldsEverythingAboutTheCaseThatConcernsTheCitizen() throws Exception {
        ApiClient.Submitted real = cases.submit("Naturlegeplads ved søen", "jyderup", true);
        cases.askCitizen(real.caseNumber(), "Hvor stor skal legepladsen være?");
        ApiClient.ok(http.postForEntity("/api/citizen/" + real.token() + "/answer",
                new HttpEntity<>(Map.of("answer", "Som en halv fodboldbane."), ApiClient.json()), Map.class));
        String contact = cases.agreed(real.caseNumber());
        http.postForEntity("/api/citizen/" + real.token() + "/messages",
                new HttpEntity<>(Map.of("body", "Hvornår kan vi mødes?"), ApiClient.json()), Void.class);
        cases.messageFromStaff(contact, real.caseNumber(), "På tirsdag kl. 10.");
        cases.fundedWithPermitWaiting(contact, real.caseNumber());

        ResponseEntity<String> response = http.exchange("/track/" + real.token() + "/data.json", HttpMethod.GET,
                new HttpEntity<>(language("en")), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        assertThat(response.getHeaders().getContentDisposition().isAttachment()).isTrue();
        assertThat(response.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("initiativ-" + real.caseNumber() + ".json");
        JsonNode data = json.readTree(response.getBody());
        assertThat(data.path("caseNumber").asText()).isEqualTo(real.caseNumber());
        JsonNode submission = data.path("submission");
        assertThat(submission.path("title").asText()).isEqualTo("Naturlegeplads ved søen");
        assertThat(submission.path("contactEmail").asText()).isEqualTo("else.borger@example.org");
        assertThat(submission.path("contactPhone").asText()).isEqualTo("12 34 56 78");
        assertThat(submission.path("publicationConsent").asBoolean()).isTrue();
        assertThat(submission.path("helpWanted").toString()).contains("FUNDING", "PERMITS");
        assertThat(data.path("status").path("stage").asText()).isEqualTo("AGREED");
        assertThat(data.path("contactPerson").path("name").asText()).isNotBlank();
        assertThat(data.path("agreement").path("willDo").asText()).isEqualTo("Hjælpe med ansøgningen");
        assertThat(data.path("informationRequests").get(0).path("question").asText())
                .isEqualTo("Hvor stor skal legepladsen være?");
        assertThat(data.path("informationRequests").get(0).path("answer").asText()).isEqualTo("Som en halv fodboldbane.");
        assertThat(data.path("messages").findValuesAsText("text")).containsExactly("Hvornår kan vi mødes?", "På tirsdag kl. 10.");
        assertThat(data.path("messages").get(0).path("from").asText()).isEqualTo("You");
        assertThat(data.path("funding").get(0).path("amountGranted").decimalValue()).isEqualByComparingTo("35000");
        assertThat(data.path("permits").get(0).path("kind").asText()).isEqualTo("Brug af offentligt areal");
        assertThat(data.path("timeline").findValuesAsText("type")).contains("SUBMITTED", "INFORMATION_REQUESTED",
                "CONTACT_ASSIGNED", "AGREEMENT_RECORDED", "FUNDING_GRANTED");
        assertThat(data.path("timeline").get(0).path("text").asText()).isEqualTo("Your initiative has been received");
        // staff-internal steps and staff user ids stay out
        assertThat(data.path("timeline").findValuesAsText("type")).doesNotContain("CONTACT_PROPOSED");
        assertThat(response.getBody()).doesNotContain("\"intake\"", "recordedBy", "proposedBy", "decidedBy");
    }

    @Test
    void theSurveyKeepsTheFirstAnswerOnlyAndOnlyAfterClosure() {
        ApiClient.Submitted real = cases.submit("Bænk ved stranden", "jyderup", false);
        String contact = cases.agreed(real.caseNumber());
        // before closure the survey sends the citizen back to the tracking page
        ResponseEntity<String> early = html("/track/" + real.token() + "/survey", "da");
        assertThat(early.getStatusCode()).isIn(HttpStatus.FOUND, HttpStatus.OK);
        assertThat(String.valueOf(early.getBody())).doesNotContain("survey-submit");
        cases.close(contact, real.caseNumber(), "REALISED", "Bænken står der nu.");

        assertThat(surveys.answer(real.token(), 4, "  Godt samarbejde  ")).isEqualTo(Surveys.Result.SAVED);
        assertThat(surveys.answer(real.token(), 1, "Skift mening")).isEqualTo(Surveys.Result.ALREADY_ANSWERED);

        Map<String, Object> stored = jdbc.queryForMap("SELECT rating, comment FROM case_survey s JOIN initiative i"
                + " ON i.id = s.initiative_id WHERE i.case_number = ?", real.caseNumber());
        assertThat(((Number) stored.get("rating")).intValue()).isEqualTo(4);
        assertThat(stored.get("comment")).isEqualTo("Godt samarbejde");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_event e JOIN initiative i ON i.id = e.initiative_id"
                + " WHERE i.case_number = ? AND e.type = 'SURVEY_ANSWERED'", Integer.class, real.caseNumber())).isEqualTo(1);

        // staff read the answer and the outcome on the case page
        String staffPage = cases.api().as("intake").getForObject("/cases/" + real.caseNumber() + "?lang=da", String.class);
        assertThat(staffPage).contains("Borgerens evaluering", "id=\"case-survey-rating\">4 ud af 5<",
                "id=\"case-survey-comment\" class=\"user-text\">Godt samarbejde<", "Realiseret");
        String english = cases.api().as("intake").getForObject("/cases/" + real.caseNumber() + "?lang=en", String.class);
        assertThat(english).contains("The citizen&#39;s evaluation", "4 out of 5");
    }

    @Test
    void aWithdrawnCaseShowsNoContactPersonWhoNeverAcceptedItAndOffersNoSurvey() {
        ApiClient.Submitted real = cases.submit("Blomsterkasser på torvet", "jyderup", false);
        ApiClient.ok(cases.api().post("intake", "/api/tasks/" + cases.api().task("intake", real.caseNumber(),
                dk.initiativ.process.InitiativeProcess.TASK_SCREEN_INITIATIVE) + "/screening", Map.of("decision", "accept")));
        assertThat(cases.api().initiative(real.caseNumber()).get("contactPerson")).isNotNull(); // proposed only

        assertThat(http.postForEntity("/api/citizen/" + real.token() + "/withdrawal", null, Void.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(cases.api().citizen(real.token()).get("contactPerson")).isNull();
        String page = html("/track/" + real.token(), "da").getBody();
        assertThat(page).contains("Trukket tilbage", "id=\"contact-none\"")
                .doesNotContain("id=\"contact-name\"", "id=\"contact-email\"", "id=\"survey-link\"");
        // nor does the survey answer at its own address
        ResponseEntity<String> survey = html("/track/" + real.token() + "/survey", "da");
        assertThat(String.valueOf(survey.getBody())).doesNotContain("survey-submit");
    }

    @Test
    void thePartialGrantsReasonAndTheAmountsReachTheCitizenAsADaneReadsThem() throws Exception {
        ApiClient.Submitted real = cases.submit("Repair café", "jyderup", false);
        String contact = cases.agreed(real.caseNumber());
        ApiClient api = cases.api();
        ApiClient.ok(api.post(contact, "/api/tasks/" + api.task(contact, real.caseNumber(),
                dk.initiativ.process.InitiativeProcess.TASK_PLAN_SUPPORT) + "/support-plan", Map.of("funding", true,
                "fundingPool", "groen-pulje", "fundingAmount", 40000, "fundingPurpose", "Værktøj", "permits", false,
                "partners", false, "political", false)));
        ApiClient.ok(api.post("admin", "/api/tasks/" + api.task("admin", real.caseNumber(),
                dk.initiativ.process.InitiativeProcess.TASK_DECIDE_FUNDING) + "/funding-decision", Map.of("granted", true,
                "amount", 30000, "reason", "Puljen giver højst 30.000 kr. til værktøj.")));

        String page = html("/track/" + real.token(), "da").getBody();
        assertThat(page).contains("Puljen giver højst 30.000 kr. til værktøj.", "Grøn pulje: 40.000 kr.",
                "Grøn pulje: 30.000 kr.").doesNotContain("40000.00", "30000.00");
        assertThat(html("/track/" + real.token(), "en").getBody()).contains("Grøn pulje: DKK 40,000");
        JsonNode data = json.readTree(http.getForObject("/track/" + real.token() + "/data.json", String.class));
        assertThat(data.findValues("decisionReason")).extracting(JsonNode::asText)
                .contains("Puljen giver højst 30.000 kr. til værktøj.");
    }

    private int messagesOf(String caseNumber) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM case_message m JOIN initiative i ON i.id = m.initiative_id"
                + " WHERE i.case_number = ?", Integer.class, caseNumber);
    }

    private ResponseEntity<String> html(String path, String language) {
        HttpHeaders headers = language(language);
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private static HttpHeaders language(String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        return headers;
    }
}
