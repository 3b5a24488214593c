package dk.initiativ.web;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dk.initiativ.support.ApiClient;
import dk.initiativ.support.LocalModeTest;
import dk.initiativ.support.SessionClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error of the JSON API is RFC 9457 problem details, also those that never reach a controller; a
 * value of the wrong type names its field; staff text the engine cannot hold (emoji) is a field error,
 * and an id with such characters is simply unknown (404), through our API and the engine REST API.
 */
@LocalModeTest
class ApiProblemsTest {

    private static final String PROBLEM = "application/problem+json";

    @Autowired TestRestTemplate http;
    @LocalServerPort int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(http);
    }

    @Test
    void errorsOutsideTheControllersAreProblemDetailsToo() {
        SessionClient client = new SessionClient(port);
        // 415: not JSON
        HttpResponse<String> plain = client.send(client.request("/api/initiatives").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hej")).build());
        assertThat(plain.statusCode()).isEqualTo(415);
        assertProblem(plain, "Forkert indholdstype");
        // 400 from Spring Security's firewall (a semicolon in the path)
        HttpResponse<String> firewall = client.get("/api/catalog/topics;x=1");
        assertThat(firewall.statusCode()).isEqualTo(400);
        assertProblem(firewall, "Ugyldig forespørgsel");
        // 406: the answer exists as JSON only
        HttpResponse<String> csv = client.send(client.request("/api/catalog/topics").header("Accept", "text/csv").GET().build());
        assertThat(csv.statusCode()).isEqualTo(406);
        assertProblem(csv, "Kan ikke svare i det format");
        // 401 without a login
        HttpResponse<String> anonymous = client.send(client.request("/api/tasks").header("Accept", "text/html").GET().build());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertProblem(anonymous, "Log ind");
    }

    @Test
    void aValueOfTheWrongTypeNamesItsField() {
        for (Map.Entry<String, Object> wrong : Map.<String, Object>of("helpWanted", List.of("NOPE"),
                "estimatedBudget", "abc").entrySet()) {
            Map<String, Object> body = new HashMap<>(Map.of("title", "Bænk", "description", "En bænk ved søen",
                    "topic", "natur-miljoe", "district", "holbaek-by", "contactName", "Else Borger",
                    "contactEmail", "else@example.org", "consent", true));
            body.put(wrong.getKey(), wrong.getValue());
            ResponseEntity<Map> response = http.postForEntity("/api/initiatives", new HttpEntity<>(body, ApiClient.json()),
                    Map.class);
            assertThat(ApiClient.fieldError(response)).as(wrong.getKey()).containsEntry("field", wrong.getKey())
                    .containsEntry("message", "Feltet har en værdi af forkert type eller en værdi, der ikke findes.");
        }
    }

    @Test
    void aValueBeyondWhatWeStoreNamesItsField() {
        // a fraction for whole kroner, a number beyond any whole number, a lone surrogate (valid JSON, no character)
        Map<String, String> wrong = Map.of("estimatedBudget", "1.5", "title", "\"x\\ud800y\"");
        for (Map.Entry<String, String> value : wrong.entrySet()) {
            ResponseEntity<Map> response = postRaw("/api/initiatives", submission(value.getKey(), value.getValue()));
            assertThat(ApiClient.fieldError(response)).as(value.getKey()).containsEntry("field", value.getKey())
                    .containsEntry("message", "Feltet har en værdi af forkert type eller en værdi, der ikke findes.");
        }
        ResponseEntity<Map> huge = postRaw("/api/initiatives", submission("estimatedBudget", "1e30"));
        assertThat(ApiClient.fieldError(huge)).containsEntry("field", "estimatedBudget");
        // a title of an em space and an ideographic space, or of a no-break and a zero-width space, shows nothing
        for (String invisible : List.of("\"\\u2003\\u3000\"", "\"\\u00a0\\u200b\"")) {
            ResponseEntity<Map> blank = postRaw("/api/initiatives", submission("title", invisible));
            assertThat(ApiClient.fieldError(blank)).as(invisible).containsEntry("field", "title");
        }
        // a group that does not say its name, as the form refuses it
        ResponseEntity<Map> unnamed = postRaw("/api/initiatives", submission("applicantKind", "\"GROUP\""));
        assertThat(ApiClient.fieldError(unnamed)).containsEntry("field", "groupName");
        // the same key twice, or more JSON after the request: not one request
        String twice = submission("title", "\"Bænk\"").replace("{", "{\"title\":\"Skjult\",");
        assertThat(postRaw("/api/initiatives", twice).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(postRaw("/api/initiatives", submission("title", "\"Bænk\"") + "{}").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        // an admin's name of nothing but zero-width characters
        ResponseEntity<Map> zeroWidth = api.as("admin").postForEntity("/api/admin/topics",
                new HttpEntity<>("{\"nameDa\":\"\\u200b\",\"nameEn\":\"\\u200c\"}", ApiClient.json()), Map.class);
        assertThat(zeroWidth.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(zeroWidth.getBody().toString()).contains("nameDa");
        // a day of a year the database cannot hold
        ResponseEntity<Map> farAway = api.as("admin").postForEntity("/api/admin/staff/emil/absences",
                new HttpEntity<>("{\"from\":\"+10000-01-01\",\"until\":\"+10000-01-02\"}", ApiClient.json()), Map.class);
        assertThat(ApiClient.fieldError(farAway)).containsEntry("field", "from");
    }

    @Test
    void aShortNumberOfAMillionDigitsIsRefusedAtOnceAndAServicesFieldErrorNamesTheInputsField() {
        ApiClient.Submitted submitted = api.submit("Cykelværksted", "natur-miljoe", "holbaek-by", List.of("FUNDING"));
        String contact = api.toSupportPlan(submitted.caseNumber());
        String task = api.task(contact, submitted.caseNumber(), "Task_PlanSupport");
        // 1E+999999 is a million digits written plainly: refused while reading, not parsed for minutes
        ResponseEntity<Map> huge = api.as(contact).postForEntity("/api/tasks/" + task + "/support-plan",
                new HttpEntity<>("{\"funding\":true,\"fundingPool\":\"groen-pulje\",\"fundingAmount\":1E+999999,"
                        + "\"fundingPurpose\":\"Værktøj\",\"permits\":false,\"partners\":false,\"political\":false}",
                        ApiClient.json()), Map.class);
        assertThat(ApiClient.fieldError(huge)).containsEntry("field", "fundingAmount");
        // the funding applications call the pool "pool"; the support plan's input calls it "fundingPool"
        ResponseEntity<Map> noPool = api.post(contact, "/api/tasks/" + task + "/support-plan", Map.of("funding", true,
                "fundingPool", "nope", "fundingAmount", 100, "fundingPurpose", "Værktøj", "permits", false,
                "partners", false, "political", false));
        assertThat(ApiClient.fieldError(noPool)).containsEntry("field", "fundingPool");
        assertThat(api.task(contact, submitted.caseNumber(), "Task_PlanSupport")).isEqualTo(task);
    }

    private String submission(String field, String json) {
        Map<String, String> body = new java.util.LinkedHashMap<>(Map.of("title", "\"Bænk\"",
                "description", "\"En bænk ved søen\"", "topic", "\"natur-miljoe\"", "district", "\"holbaek-by\"",
                "contactName", "\"Else Borger\"", "contactEmail", "\"else@example.org\"", "consent", "true"));
        body.put(field, json);
        return body.entrySet().stream().map(entry -> "\"" + entry.getKey() + "\":" + entry.getValue())
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    private ResponseEntity<Map> postRaw(String path, String json) {
        return http.postForEntity(path, new HttpEntity<>(json, ApiClient.json()), Map.class);
    }

    @Test
    void staffTextWithEmojiIsAFieldErrorAndNothingIsStored() {
        ApiClient.Submitted submitted = api.submit("Træer i byen 🌳", "natur-miljoe", "holbaek-by", List.of("FUNDING"));
        String task = api.task("intake", submitted.caseNumber(), "Task_ScreenInitiative");
        ResponseEntity<Map> refused = api.post("intake", "/api/tasks/" + task + "/screening",
                Map.of("decision", "request-information", "note", "Hvad koster det? 🌳"));
        assertThat(ApiClient.fieldError(refused)).containsEntry("field", "note")
                .containsEntry("message", "Feltet kan ikke indeholde emoji og lignende specialtegn. Skriv teksten uden dem.");
        // nothing happened: the task is still open, and the same question without the emoji goes through
        assertThat(api.task("intake", submitted.caseNumber(), "Task_ScreenInitiative")).isEqualTo(task);
        ApiClient.ok(api.post("intake", "/api/tasks/" + task + "/screening",
                Map.of("decision", "request-information", "note", "Hvad koster det?")));
    }

    @Test
    void staffTextThatGoesOnlyIntoOurTablesTakesAnyUnicode() {
        ApiClient.Submitted submitted = api.submit("Frugttræer", "natur-miljoe", "holbaek-by", List.of("FUNDING"));
        String contact = api.toSupportPlan(submitted.caseNumber());
        String text = "Vi ses ved træerne 🌳🍎 i næste uge – 𝔥𝔢𝔧";
        ApiClient.ok(api.post(contact, "/api/initiatives/" + submitted.caseNumber() + "/messages", Map.of("body", text)));
        List<Map<String, Object>> thread = api.as(contact).getForEntity("/api/initiatives/" + submitted.caseNumber()
                + "/messages", List.class).getBody();
        assertThat(thread).extracting(message -> message.get("body")).containsExactly(text);
    }

    @Test
    void anIdWithEmojiIsUnknown() {
        assertThat(api.as("intake").exchange("/api/tasks/{id}/claim", HttpMethod.POST, null, Map.class, "🌳")
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.as("manager").getForEntity("/engine-rest/task/{id}", String.class, "🌳").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.as("manager").getForEntity("/engine-rest/task?assignee={id}", String.class, "🌳")
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        assertThat(api.as("admin").exchange("/api/initiatives/{id}", HttpMethod.GET, new HttpEntity<>(headers),
                Map.class, "🌳").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static void assertProblem(HttpResponse<String> response, String title) {
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(response.body()).startsWith(PROBLEM);
        assertThat(response.body()).contains("\"title\":\"" + title + "\"", "\"status\":" + response.statusCode());
    }
}
