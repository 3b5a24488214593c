package dk.initiativ.permits;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dk.initiativ.casework.TaskFormOptions;
import dk.initiativ.process.WorkingDayCalendar;
import dk.initiativ.support.AdminHistory;
import dk.initiativ.support.ApiClient;
import dk.initiativ.support.LocalModeTest;
import dk.initiativ.support.SessionClient;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static dk.initiativ.process.InitiativeProcess.TASK_PLAN_SUPPORT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Departments and permit types maintained by an admin (issue 13, ADR 0040), through the admin API on the embedded
 * MariaDB: a new type planned on a case gets its department and its due date; a retired type is not offered; a
 * department needs a group the identity knows; names are unique in both languages and nothing is half stored.
 */
@LocalModeTest
class PermitCatalogAdminTest {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;
    @Autowired IdentityService identity;
    @Autowired TaskFormOptions options;
    @Autowired WorkingDayCalendar calendar;
    @Autowired Clock clock;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(http);
    }

    @Test
    void aNewPermitTypeIsPlannedWithItsDepartmentAndItsDeadline() {
        String group = newIdentityGroup();
        String suffix = group.substring(group.length() - 6);
        ResponseEntity<Map> department = api.post("admin", "/api/admin/departments", Map.of("group", group,
                "nameDa", "Kultur og Fritid " + suffix, "nameEn", "Culture and Leisure " + suffix));
        assertThat(department.getStatusCode()).as(String.valueOf(department.getBody())).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map> type = api.post("admin", "/api/admin/permit-types", Map.of("nameDa", "Musik i parken "
                + suffix, "nameEn", "Music in the park " + suffix, "departmentGroup", group, "decisionDays", 7));
        assertThat(type.getStatusCode()).as(String.valueOf(type.getBody())).isEqualTo(HttpStatus.CREATED);
        String code = (String) type.getBody().get("code");
        // offered where permits are planned, in the reader's language, with its department and deadline
        assertThat(options.options(TaskFormOptions.PERMIT_TYPES, null, Locale.ENGLISH))
                .contains(new TaskFormOptions.Option("Music in the park " + suffix + " (Culture and Leisure " + suffix
                        + ", 7 working days)", code));

        String caseNumber = api.submit("Koncert i parken " + suffix, "kultur-fritid", "holbaek-by",
                List.of("PERMITS")).caseNumber();
        LocalDate today = LocalDate.now(clock.withZone(COPENHAGEN));
        plan(caseNumber, List.of(code));

        Map<String, Object> permit = jdbc.queryForMap("SELECT p.kind, p.permit_type_code, p.department_group,"
                + " p.due_date FROM permit_requirement p JOIN initiative i ON i.id = p.initiative_id"
                + " WHERE i.case_number = ?", caseNumber);
        assertThat(permit.get("department_group")).isEqualTo(group);
        assertThat(permit.get("permit_type_code")).isEqualTo(code);
        assertThat(permit.get("kind")).isEqualTo("Musik i parken " + suffix);
        assertThat(((java.sql.Date) permit.get("due_date")).toLocalDate())
                .isEqualTo(calendar.addWorkingDays(today, 7));
        // both changes are in the change record
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reference_change WHERE entity_kind = 'department'"
                + " AND entity_id = ? AND action = 'CREATE'", Integer.class, String.valueOf(department.getBody().get("id"))))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reference_change WHERE entity_kind = 'permit-type'"
                + " AND entity_id = ? AND action = 'CREATE'", Integer.class, String.valueOf(type.getBody().get("id"))))
                .isEqualTo(1);
        // and on each one's own page, read like the change record: labels, the department by name, no bookkeeping
        SessionClient admin = new SessionClient(port).logIn("admin");
        String typeHistory = AdminHistory.of(admin.get("/admin/tilladelser/typer/" + type.getBody().get("id")).body());
        assertThat(typeHistory).contains("Oprettet", "Frist for afgørelse (arbejdsdage)", "Afdeling",
                "Kultur og Fritid " + suffix, "Musik i parken " + suffix)
                .doesNotContain("data-field=\"version\"", "data-field=\"id\"");
        String departmentHistory = AdminHistory.of(admin.get("/admin/tilladelser/afdelinger/"
                + department.getBody().get("id")).body());
        assertThat(departmentHistory).contains("Oprettet", "Gruppe", group, "Navn på engelsk")
                .doesNotContain("data-field=\"version\"");
    }

    @Test
    void aRetiredTypeIsNotOfferedNorPlanned() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Map<?, ?> type = api.post("admin", "/api/admin/permit-types", Map.of("nameDa", "Gadefest " + suffix,
                "nameEn", "Street party " + suffix, "departmentGroup", "vej-park", "decisionDays", 12)).getBody();
        String code = (String) type.get("code");
        assertThat(offered()).contains(code);

        ResponseEntity<Map> retired = put("/api/admin/permit-types/" + type.get("id"), Map.of("nameDa", "Gadefest "
                + suffix, "nameEn", "Street party " + suffix, "departmentGroup", "vej-park", "decisionDays", 12,
                "active", false, "version", type.get("version")));
        assertThat(retired.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(offered()).doesNotContain(code);
        // a second change from the old version is refused: someone changed it meanwhile
        assertThat(put("/api/admin/permit-types/" + type.get("id"), Map.of("nameDa", "Gadefest " + suffix,
                "nameEn", "Street party " + suffix, "departmentGroup", "vej-park", "decisionDays", 3, "active", true,
                "version", type.get("version"))).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        String caseNumber = api.submit("Gadefest på Ahlgade " + suffix, "kultur-fritid", "holbaek-by",
                List.of("PERMITS")).caseNumber();
        String contact = api.toSupportPlan(caseNumber);
        String task = api.task(contact, caseNumber, TASK_PLAN_SUPPORT);
        Map<String, Object> error = ApiClient.fieldError(api.post(contact, "/api/tasks/" + task + "/support-plan",
                Map.of("funding", false, "permits", true, "permitTypes", List.of(code), "partners", false,
                        "political", false)));
        assertThat(error.get("field")).isEqualTo("permitTypes");
        assertThat((String) error.get("message")).startsWith("Tilladelsestypen findes ikke eller er trukket tilbage");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM permit_requirement p JOIN initiative i"
                + " ON i.id = p.initiative_id WHERE i.case_number = ?", Integer.class, caseNumber)).isZero();
        assertThat(api.task(contact, caseNumber, TASK_PLAN_SUPPORT)).isEqualTo(task);
    }

    @Test
    void aDepartmentNeedsAGroupTheIdentityKnowsThatIsNoRole() {
        int before = count("department");
        Map<String, Object> unknown = ApiClient.fieldError(api.post("admin", "/api/admin/departments", Map.of(
                "group", "ingen-saadan-gruppe", "nameDa", "Ingen afdeling", "nameEn", "No department")));
        assertThat(unknown.get("field")).isEqualTo("group");
        assertThat((String) unknown.get("message")).startsWith("Brugerstyringen kender ikke gruppen");
        Map<String, Object> role = ApiClient.fieldError(api.post("admin", "/api/admin/departments", Map.of(
                "group", "contact-staff", "nameDa", "Kontakt", "nameEn", "Contact")));
        assertThat(role.get("field")).isEqualTo("group");
        assertThat((String) role.get("message")).startsWith("Gruppen er en rolle");
        assertThat(count("department")).isEqualTo(before);
        // only admins
        assertThat(api.post("manager", "/api/admin/departments", Map.of("group", newIdentityGroup(), "nameDa", "X",
                "nameEn", "X")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(count("department")).isEqualTo(before);
    }

    @Test
    void namesAreUniqueInBothLanguagesAndNothingIsHalfStored() {
        int types = count("permit_type");
        int departments = count("department");
        int changes = count("reference_change");
        // the demo's types and departments, in other letter case
        Map<String, Object> danish = ApiClient.fieldError(api.post("admin", "/api/admin/permit-types", Map.of(
                "nameDa", "BYGGETILLADELSE", "nameEn", "A new English name", "departmentGroup", "byg-miljoe",
                "decisionDays", 20)));
        assertThat(danish.get("field")).isEqualTo("nameDa");
        assertThat((String) danish.get("message")).isEqualTo("Navnet er allerede i brug. Vælg et andet.");
        Map<String, Object> english = ApiClient.fieldError(api.post("admin", "/api/admin/permit-types", Map.of(
                "nameDa", "Et nyt dansk navn", "nameEn", "building PERMIT", "departmentGroup", "byg-miljoe",
                "decisionDays", 20)));
        assertThat(english.get("field")).isEqualTo("nameEn");
        Map<String, Object> department = ApiClient.fieldError(api.post("admin", "/api/admin/departments", Map.of(
                "group", newIdentityGroup(), "nameDa", "Ny afdeling", "nameEn", "roads and parks")));
        assertThat(department.get("field")).isEqualTo("nameEn");
        // and in English for an English reader
        ResponseEntity<Map> inEnglish = http.withBasicAuth("admin", ApiClient.PASSWORD).postForEntity(
                "/api/admin/permit-types?lang=en", new HttpEntity<>(Map.of("nameDa", "Byggetilladelse", "nameEn", "New",
                        "departmentGroup", "byg-miljoe", "decisionDays", 20), englishJson()), Map.class);
        assertThat((String) ApiClient.fieldError(inEnglish).get("message"))
                .isEqualTo("The name is in use already. Choose another.");
        assertThat(count("permit_type")).isEqualTo(types);
        assertThat(count("department")).isEqualTo(departments);
        assertThat(count("reference_change")).isEqualTo(changes);
    }

    private void plan(String caseNumber, List<String> codes) {
        String contact = api.toSupportPlan(caseNumber);
        String task = api.task(contact, caseNumber, TASK_PLAN_SUPPORT);
        ApiClient.ok(api.post(contact, "/api/tasks/" + task + "/support-plan", Map.of("funding", false,
                "permits", true, "permitTypes", codes, "partners", false, "political", false)));
    }

    private List<String> offered() {
        return options.options(TaskFormOptions.PERMIT_TYPES, null, Locale.forLanguageTag("da")).stream()
                .map(TaskFormOptions.Option::value).toList();
    }

    private ResponseEntity<Map> put(String path, Map<String, Object> body) {
        return api.as("admin").exchange(path, HttpMethod.PUT, new HttpEntity<>(body, ApiClient.json()), Map.class);
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    private String newIdentityGroup() {
        return newIdentityGroup(identity);
    }

    /** A group the identity knows (local mode: Camunda's own identity), made for a test. */
    static String newIdentityGroup(IdentityService identity) {
        String id = "afd-" + UUID.randomUUID().toString().substring(0, 8);
        Group group = identity.newGroup(id);
        group.setName("Afdeling " + id);
        identity.saveGroup(group);
        return id;
    }

    private static org.springframework.http.HttpHeaders englishJson() {
        org.springframework.http.HttpHeaders headers = ApiClient.json();
        headers.set(org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE, "en");
        return headers;
    }
}
