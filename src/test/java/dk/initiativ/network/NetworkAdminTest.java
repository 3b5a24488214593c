package dk.initiativ.network;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.initiativ.casework.TaskFormOptions;
import dk.initiativ.support.ApiClient;
import dk.initiativ.support.AdminHistory;
import dk.initiativ.support.LocalModeTest;
import dk.initiativ.support.SessionClient;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static dk.initiativ.process.InitiativeProcess.TASK_PLAN_SUPPORT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The network registry's administration over real HTTP on real MariaDB (issue 13, ADR 0039): one of each kind
 * through the pages and the API; a partner for a topic in a district suggested on a case of both; a retired one no
 * longer offered but still named on the case that links it; bad input refused with the field named, in Danish and
 * English, nothing stored; a volunteer's contact data access-logged when read and never in the change record.
 */
@LocalModeTest
class NetworkAdminTest {

    private static final String PREFIX = "Netværkstest ";

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;
    @Autowired TaskService tasks;
    @Autowired TaskFormOptions options;
    @Autowired PartnerLinks links;

    @AfterEach
    void tearDown() {
        jdbc.update("DELETE FROM partner_link WHERE partner_id IN (SELECT id FROM partner WHERE name LIKE ?)",
                PREFIX + "%");
        jdbc.update("DELETE FROM partner WHERE name LIKE ?", PREFIX + "%");
    }

    private static String name(String what) {
        return PREFIX + what + " " + UUID.randomUUID().toString().substring(0, 8) + " 🌻";
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    @Test
    void anAdminAddsOneOfEachKindThroughThePagesAndTheApi() {
        SessionClient admin = new SessionClient(port).logIn("admin");
        assertThat(admin.get("/admin").body()).contains("href=\"/admin/netvaerk\"");
        String csrf = admin.csrfTokenOf("/admin/netvaerk/ny");
        Map<PartnerKind, String> byPage = new LinkedHashMap<>();
        for (PartnerKind kind : PartnerKind.values()) {
            String name = name("side " + kind);
            List<Map.Entry<String, String>> form = new ArrayList<>(List.of(Map.entry("_csrf", csrf),
                    Map.entry("kind", kind.name()), Map.entry("name", name),
                    Map.entry("description", "Hjælper med idræt 🏃"), Map.entry("contactPerson", "Ida Holm"),
                    Map.entry("contactEmail", "ida@example.org"), Map.entry("contactPhone", "+45 12 34 56 78"),
                    Map.entry("address", "Torvet 1, 4300 Holbæk"), Map.entry("capacity", "50"),
                    Map.entry("topics", "idraet-bevaegelse"), Map.entry("topics", "kultur-fritid"),
                    Map.entry("districts", "jyderup")));
            HttpResponse<String> created = post(admin, "/admin/netvaerk/ny", form, "da");
            assertThat(created.statusCode()).as(kind + ": " + created.body()).isEqualTo(302);
            String path = created.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
            assertThat(path).matches("/admin/netvaerk/[0-9]+");
            String page = admin.get(path).body();
            assertThat(page).contains("Oprettet i netværket.", name, "ida@example.org", "Torvet 1, 4300 Holbæk");
            long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
            assertThat(jdbc.queryForList("SELECT topic_code FROM partner_topic WHERE partner_id = ? ORDER BY 1",
                    String.class, id)).containsExactly("idraet-bevaegelse", "kultur-fritid");
            assertThat(jdbc.queryForList("SELECT district_code FROM partner_district WHERE partner_id = ?",
                    String.class, id)).containsExactly("jyderup");
            // the emoji is stored as typed, and only premises keep a capacity
            assertThat(jdbc.queryForObject("SELECT name FROM partner WHERE id = ?", String.class, id)).isEqualTo(name);
            assertThat(jdbc.queryForObject("SELECT capacity FROM partner WHERE id = ?", Integer.class, id))
                    .isEqualTo(kind == PartnerKind.PREMISES ? 50 : null);
            byPage.put(kind, name);
        }
        // the list, filtered by kind; no contact data in it
        String volunteers = admin.get("/admin/netvaerk?type=VOLUNTEER").body();
        assertThat(volunteers).contains(byPage.get(PartnerKind.VOLUNTEER), "Idræt og bevægelse", "Jyderup")
                .doesNotContain(byPage.get(PartnerKind.ASSOCIATION), "ida@example.org");
        assertThat(admin.get("/admin/netvaerk").body()).contains(byPage.values().toArray(String[]::new));

        ApiClient api = new ApiClient(http);
        for (PartnerKind kind : PartnerKind.values()) {
            String name = name("api " + kind);
            ResponseEntity<Map> created = api.post("admin", "/api/admin/partners", partner(name, kind,
                    "kontakt@example.org", List.of("natur-miljoe"), List.of("tuse-naes")));
            assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
            assertThat(created.getBody()).containsEntry("name", name).containsEntry("kind", kind.name())
                    .containsEntry("active", true).containsEntry("topicCodes", List.of("natur-miljoe"))
                    .containsEntry("districtCodes", List.of("tuse-naes"));
        }
        List<Map<String, Object>> listed = api.as("admin").exchange("/api/admin/partners?kind=PREMISES",
                HttpMethod.GET, new HttpEntity<>(ApiClient.json()), List.class).getBody();
        assertThat(listed).extracting(row -> row.get("kind")).containsOnly("PREMISES");
        assertThat(listed).extracting(row -> row.get("name")).contains(byPage.get(PartnerKind.PREMISES));
    }

    @Test
    void aPartnerForATopicInADistrictIsSuggestedOnACaseOfBoth() {
        ApiClient api = new ApiClient(http);
        String here = name("svømning Svinninge");
        String elsewhere = name("svømning Tuse Næs");
        long hereId = id(api.post("admin", "/api/admin/partners", partner(here, PartnerKind.ASSOCIATION, null,
                List.of("idraet-bevaegelse"), List.of("svinninge"))));
        id(api.post("admin", "/api/admin/partners", partner(elsewhere, PartnerKind.ASSOCIATION, null,
                List.of("idraet-bevaegelse"), List.of("tuse-naes"))));

        String caseNumber = api.submit("Netværk: svømmehold i Svinninge", "idraet-bevaegelse", "svinninge",
                List.of("PARTNERS")).caseNumber();
        api.toSupportPlan(caseNumber);
        // the list on the plan task, as Tasklist's form reads it: the suggested first, marked
        Task plan = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey(TASK_PLAN_SUPPORT).singleResult();
        String offered = String.valueOf(tasks.getVariableLocal(plan.getId(), TaskFormOptions.PARTNERS));
        assertThat(offered).contains(here + " (foreslået: emne og område passer)", elsewhere)
                .doesNotContain(elsewhere + " (foreslået");
        assertThat(offered.indexOf(here)).isLessThan(offered.indexOf(elsewhere));

        // the case page's list says the same, in English too
        List<TaskFormOptions.Option> english = options.options(TaskFormOptions.PARTNERS, null, "idraet-bevaegelse",
                "svinninge", Locale.ENGLISH);
        assertThat(english).extracting(TaskFormOptions.Option::label)
                .contains(here + " (suggested: topic and district match)", elsewhere);
        assertThat(english).extracting(TaskFormOptions.Option::value).contains(String.valueOf(hereId));
        // another topic in the same district: not suggested
        assertThat(options.options(TaskFormOptions.PARTNERS, null, "aeldre", "svinninge", Locale.ENGLISH))
                .extracting(TaskFormOptions.Option::label).contains(here).doesNotContain(here + " (suggested");
    }

    @Test
    void aRetiredPartnerIsNotOfferedButStaysOnTheCaseThatLinksIt() {
        ApiClient api = new ApiClient(http);
        String volunteer = name("frivillig");
        long volunteerId = id(api.post("admin", "/api/admin/partners", partner(volunteer, PartnerKind.VOLUNTEER,
                "hjaelper@example.org", List.of("aeldre"), List.of("moerkoev"))));
        String unlinked = name("ubrugt lokale");
        long unlinkedId = id(api.post("admin", "/api/admin/partners", partner(unlinked, PartnerKind.PREMISES,
                null, List.of(), List.of())));
        ApiClient.Submitted submitted = api.submit("Netværk: gåture i Mørkøv", "aeldre", "moerkoev",
                List.of("PARTNERS"));
        String caseNumber = submitted.caseNumber();
        String contact = api.toSupportPlan(caseNumber);
        links.link(caseNumber, volunteerId, "Går med hver tirsdag", contact);

        ResponseEntity<Map> retired = api.post("admin", "/api/admin/partners/" + volunteerId + "/retire", Map.of());
        assertThat(retired.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retired.getBody()).containsEntry("deleted", false);
        // still there, retired, its contact data gone; no longer offered
        Map<String, Object> row = jdbc.queryForMap("SELECT active, contact_email, contact_phone, contact_person"
                + " FROM partner WHERE id = ?", volunteerId);
        assertThat(row.get("active")).isEqualTo(false);
        assertThat(row.get("contact_email")).isNull();
        assertThat(row.get("contact_phone")).isNull();
        assertThat(row.get("contact_person")).isNull();
        assertThat(options.options(TaskFormOptions.PARTNERS, null, "aeldre", "moerkoev", Locale.ENGLISH))
                .extracting(TaskFormOptions.Option::value).doesNotContain(String.valueOf(volunteerId));
        // the case that links it still names it (what the case page and the tracking page read)
        assertThat(links.forCase(caseNumber)).extracting(PartnerLinkView::partnerName).contains(volunteer);

        // a partner no case links is deleted when it retires
        ResponseEntity<Map> deleted = api.post("admin", "/api/admin/partners/" + unlinkedId + "/retire", Map.of());
        assertThat(deleted.getBody()).containsEntry("deleted", true);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM partner WHERE id = ?", Long.class, unlinkedId))
                .isZero();
        // the pages: the retired volunteer's page says so; the list marks it
        SessionClient admin = new SessionClient(port).logIn("admin");
        assertThat(admin.get("/admin/netvaerk?type=VOLUNTEER").body()).contains(volunteer, "Fjernet");
    }

    @Test
    void badInputIsRefusedWithTheFieldNamedInBothLanguagesAndNothingIsStored() {
        ApiClient api = new ApiClient(http);
        String name = name("forening");
        long id = id(api.post("admin", "/api/admin/partners", partner(name, PartnerKind.ASSOCIATION, null,
                List.of("kultur-fritid"), List.of("jyderup"))));
        long partners = count("partner");
        long topics = count("partner_topic");
        long districts = count("partner_district");
        long changes = count("reference_change");

        // a duplicate within the kind (ignoring case), and a bad e-mail: in Danish and in English
        Map<String, Object> duplicate = partner(name.toUpperCase(Locale.ROOT), PartnerKind.ASSOCIATION, null,
                List.of("natur-miljoe"), List.of("svinninge"));
        assertThat(ApiClient.fieldError(api.post("admin", "/api/admin/partners", duplicate)))
                .containsEntry("field", "name")
                .containsEntry("message", "Der findes allerede en af samme slags med det navn. Vælg et andet navn.");
        assertThat(ApiClient.fieldError(postIn("en", "/api/admin/partners", duplicate)))
                .containsEntry("field", "name")
                .containsEntry("message", "There is already one of the same kind with that name. Choose another name.");
        Map<String, Object> badEmail = partner(name("ny"), PartnerKind.VOLUNTEER, "ida@", List.of("natur-miljoe"),
                List.of("svinninge"));
        assertThat(ApiClient.fieldError(api.post("admin", "/api/admin/partners", badEmail)))
                .containsEntry("field", "contactEmail").extractingByKey("message").asString()
                .startsWith("Skriv e-mailadressen");
        assertThat(ApiClient.fieldError(postIn("en", "/api/admin/partners", badEmail)))
                .containsEntry("field", "contactEmail").extractingByKey("message").asString()
                .startsWith("Write the e-mail address");
        // markup or a script address is not an e-mail address, though shown escaped; a Danish address is
        for (String notAnAddress : List.of("<b>x</b>@x.dk", "javascript:alert(1)//@x.dk", "ida@x..dk", "ida@-x.dk",
                "ida\u0000@x.dk", "ida.@x.dk")) {
            Map<String, Object> bad = new LinkedHashMap<>(badEmail);
            bad.put("contactEmail", notAnAddress);
            assertThat(ApiClient.fieldError(api.post("admin", "/api/admin/partners", bad))).as(notAnAddress)
                    .containsEntry("field", "contactEmail");
        }
        assertThat(PartnerAdmin.isEmailAddress("søren.østergaard+lokal@holbæk-kommune.dk")).isTrue();
        assertThat(PartnerAdmin.isEmailAddress("o'brien@example.org")).isTrue();
        Map<String, Object> badPhone = new LinkedHashMap<>(badEmail);
        badPhone.put("contactEmail", "ida@example.org");
        badPhone.put("contactPhone", "12 34");
        assertThat(ApiClient.fieldError(api.post("admin", "/api/admin/partners", badPhone)))
                .containsEntry("field", "contactPhone");
        Map<String, Object> unknownTopic = new LinkedHashMap<>(badPhone);
        unknownTopic.put("contactPhone", "+45 12 34 56 78");
        unknownTopic.put("topics", List.of("ukendt"));
        assertThat(ApiClient.fieldError(api.post("admin", "/api/admin/partners", unknownTopic)))
                .containsEntry("field", "topics");
        // a change with a bad e-mail leaves the partner as it was
        Map<String, Object> change = partner(name, PartnerKind.ASSOCIATION, "ikke en adresse", List.of("aeldre"),
                List.of("moerkoev"));
        assertThat(ApiClient.fieldError(exchange("da", HttpMethod.PUT, "/api/admin/partners/" + id, change)))
                .containsEntry("field", "contactEmail");

        // the pages: the message next to the field, in the reader's language
        SessionClient admin = new SessionClient(port).logIn("admin");
        String csrf = admin.csrfTokenOf("/admin/netvaerk/ny");
        List<Map.Entry<String, String>> form = List.of(Map.entry("_csrf", csrf), Map.entry("kind", "ASSOCIATION"),
                Map.entry("name", name), Map.entry("description", "Igen"), Map.entry("topics", "aeldre"));
        HttpResponse<String> refused = post(admin, "/admin/netvaerk/ny", form, "da");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"name-error\"", "Der findes allerede en af samme slags");
        List<Map.Entry<String, String>> email = List.of(Map.entry("_csrf", csrf), Map.entry("kind", "VOLUNTEER"),
                Map.entry("name", name("side")), Map.entry("description", "Hjælper"),
                Map.entry("contactEmail", "ida(at)example.org"), Map.entry("topics", "aeldre"));
        refused = post(admin, "/admin/netvaerk/ny?lang=en", email, "en");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"contactEmail-error\"", "Write the e-mail address as")
                .contains("value=\"ida(at)example.org\"");
        refused = post(admin, "/admin/netvaerk/ny?lang=da", email, "da");
        assertThat(refused.body()).contains("id=\"contactEmail-error\"", "Skriv e-mailadressen som");

        assertThat(count("partner")).isEqualTo(partners);
        assertThat(count("partner_topic")).isEqualTo(topics);
        assertThat(count("partner_district")).isEqualTo(districts);
        assertThat(count("reference_change")).isEqualTo(changes);
        assertThat(jdbc.queryForList("SELECT topic_code FROM partner_topic WHERE partner_id = ?", String.class, id))
                .containsExactly("kultur-fritid");

        // the same name in another kind is fine; a stale version is a conflict
        assertThat(api.post("admin", "/api/admin/partners", partner(name, PartnerKind.PREMISES, null, List.of(),
                List.of())).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> stale = partner(name, PartnerKind.ASSOCIATION, null, List.of(), List.of());
        stale.put("version", 99);
        assertThat(exchange("da", HttpMethod.PUT, "/api/admin/partners/" + id, stale).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aVolunteersContactDataIsAccessLoggedWhenReadAndNeverKeptInTheChangeRecord() {
        ApiClient api = new ApiClient(http);
        String name = name("besøgsven");
        Map<String, Object> form = partner(name, PartnerKind.VOLUNTEER, "grethe.frivillig@example.org",
                List.of("aeldre"), List.of("holbaek-by"));
        form.put("contactPerson", "Grethe Frivillig");
        form.put("contactPhone", "+45 87 65 43 21");
        long id = id(api.post("admin", "/api/admin/partners", form));
        String association = name("forening");
        long associationId = id(api.post("admin", "/api/admin/partners", partner(association,
                PartnerKind.ASSOCIATION, "forening.kontakt@example.org", List.of(), List.of())));

        // the list leaves the volunteer's contact data out; reading the one volunteer is logged
        String list = api.as("admin").exchange("/api/admin/partners?kind=VOLUNTEER", HttpMethod.GET,
                new HttpEntity<>(ApiClient.json()), String.class).getBody();
        assertThat(list).contains("besøgsven").doesNotContain("grethe.frivillig@example.org", "Grethe Frivillig");
        long before = lastLogId();
        ResponseEntity<Map> one = api.get("admin", "/api/admin/partners/" + id);
        assertThat(one.getBody()).containsEntry("contactEmail", "grethe.frivillig@example.org");
        assertThat(logged(before, id)).isEqualTo(1);
        before = lastLogId();
        SessionClient admin = new SessionClient(port).logIn("admin");
        assertThat(admin.get("/admin/netvaerk/" + id).body()).contains("grethe.frivillig@example.org",
                "dit opslag i kontaktdata er skrevet i adgangsloggen");
        assertThat(logged(before, id)).isEqualTo(1);
        Map<String, Object> record = jdbc.queryForMap("SELECT user_id, kind, purpose, case_number FROM"
                + " staff_access_log WHERE detail = ? ORDER BY id DESC LIMIT 1", "volunteer:" + id);
        assertThat(record).containsEntry("user_id", "admin").containsEntry("kind", "VIEW")
                .containsEntry("purpose", "role.admin").containsEntry("case_number", null);
        // an association's contact data is no person's: not logged
        before = lastLogId();
        api.get("admin", "/api/admin/partners/" + associationId);
        admin.get("/admin/netvaerk/" + associationId);
        assertThat(logged(before, associationId)).isZero();

        // a change of the phone: recorded as a change of that field, without the number
        form.put("contactPhone", "+45 11 22 33 44");
        form.put("version", ((Number) one.getBody().get("version")).longValue());
        assertThat(exchange("da", HttpMethod.PUT, "/api/admin/partners/" + id, form).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        // the volunteer's own history says which personal fields changed, by label, and keeps no personal data
        String history = AdminHistory.of(admin.get("/admin/netvaerk/" + id).body());
        assertThat(history).contains("Ændrede personoplysninger", "Telefon", "Frivillig", "Ældre")
                .doesNotContain("grethe", "Grethe", "87 65", "11 22", "besøgsven", "personalFieldsChanged<",
                        "contactPhone<");
        api.post("admin", "/api/admin/partners/" + id + "/retire", Map.of());
        List<Map<String, Object>> changes = jdbc.queryForList("SELECT action, before_json, after_json FROM"
                + " reference_change WHERE entity_kind = 'partner' AND entity_id = ? ORDER BY id", String.valueOf(id));
        assertThat(changes).hasSize(3);
        String all = changes.stream().map(change -> change.get("before_json") + " " + change.get("after_json"))
                .collect(Collectors.joining(" "));
        assertThat(all).doesNotContain("grethe", "Grethe", "87 65", "11 22", "besøgsven");
        assertThat(all).contains("\"kind\":\"VOLUNTEER\"", "\"topics\":[\"aeldre\"]");
        assertThat((String) changes.get(0).get("after_json")).contains("\"personalFieldsChanged\":[\"name\","
                + "\"description\",\"contactPerson\",\"contactEmail\",\"contactPhone\"]");
        assertThat((String) changes.get(1).get("after_json")).contains("\"personalFieldsChanged\":[\"contactPhone\"]");
        // the association's record keeps its contact data: it is no person's
        assertThat(jdbc.queryForObject("SELECT after_json FROM reference_change WHERE entity_kind = 'partner' AND"
                + " entity_id = ?", String.class, String.valueOf(associationId)))
                .contains("forening.kontakt@example.org");
        // the change record's page shows the kind by name
        assertThat(admin.get("/admin/aendringer?type=partner").body()).contains("Netværk");
    }

    private long lastLogId() {
        Long id = jdbc.queryForObject("SELECT MAX(id) FROM staff_access_log", Long.class);
        return id == null ? 0 : id;
    }

    private long logged(long after, long partnerId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM staff_access_log WHERE id > ? AND detail = ?", Long.class,
                after, "volunteer:" + partnerId);
    }

    private static Map<String, Object> partner(String name, PartnerKind kind, String email, List<String> topics,
            List<String> districts) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("kind", kind.name());
        form.put("description", "Til test af netværket");
        if (email != null) {
            form.put("contactEmail", email);
        }
        form.put("topics", topics);
        form.put("districts", districts);
        return form;
    }

    private static long id(ResponseEntity<Map> created) {
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        return ((Number) created.getBody().get("id")).longValue();
    }

    private ResponseEntity<Map> postIn(String language, String path, Map<String, Object> body) {
        return exchange(language, HttpMethod.POST, path, body);
    }

    private ResponseEntity<Map> exchange(String language, HttpMethod method, String path, Map<String, Object> body) {
        HttpHeaders headers = ApiClient.json();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        return http.withBasicAuth("admin", ApiClient.PASSWORD).exchange(path, method, new HttpEntity<>(body, headers),
                Map.class);
    }

    /** A form post with repeated fields (the topics and districts), in the given language. */
    private static HttpResponse<String> post(SessionClient session, String path, List<Map.Entry<String, String>> form,
            String language) {
        String body = form.stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return session.send(session.request(path).setHeader("Accept-Language", language)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
