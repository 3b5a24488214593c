package dk.initiativ.privacy;

import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.initiativ.attachment.Attachments;
import dk.initiativ.attachment.CheckedFile;
import dk.initiativ.initiative.Channel;
import dk.initiativ.initiative.Registration;
import dk.initiativ.initiative.SubmissionReceipt;
import dk.initiativ.initiative.SubmissionService;
import dk.initiativ.initiative.SubmitInitiativeRequest;
import dk.initiativ.initiative.Submitter;
import dk.initiativ.support.ApiClient;
import dk.initiativ.support.LocalModeTest;
import dk.initiativ.support.SessionClient;
import dk.initiativ.web.AccessKind;
import dk.initiativ.web.AccessLogged;
import dk.initiativ.web.NotAccessLogged;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static dk.initiativ.process.InitiativeProcess.TASK_SCREEN_INITIATIVE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff access log's doors (ADR 0028): every request handler of ours declares whether it shows staff a
 * citizen's personal data (then it logs) or not (with a reason), so a new endpoint without a declaration fails here;
 * every door that declares logging is walked over real HTTP and its record is found; a record that cannot be
 * written fails the read and shows nothing.
 */
@LocalModeTest
class AccessLogDoorsTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;
    @Autowired SubmissionService submissions;
    @Autowired Attachments attachments;
    @Autowired PlatformTransactionManager transactions;
    @Autowired ObjectMapper json;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyRequestHandlerOfOursDeclaresWhetherItLogsAccessToPersonalData() {
        List<String> undeclared = new ArrayList<>();
        List<String> both = new ArrayList<>();
        List<String> noReason = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!ours(handler)) {
                return;
            }
            Method method = handler.getMethod();
            boolean logs = AnnotatedElementUtils.hasAnnotation(method, AccessLogged.class);
            NotAccessLogged onMethod = AnnotatedElementUtils.findMergedAnnotation(method, NotAccessLogged.class);
            NotAccessLogged onClass = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(),
                    NotAccessLogged.class);
            String name = endpoints(info) + " " + handler.getBeanType().getSimpleName() + "." + method.getName();
            if (logs && onMethod != null) {
                both.add(name);
            } else if (!logs && onMethod == null && onClass == null) {
                undeclared.add(name);
            }
            NotAccessLogged reason = onMethod != null ? onMethod : onClass;
            if (!logs && reason != null && reason.value().isBlank()) {
                noReason.add(name);
            }
        });
        assertThat(undeclared).as("handlers that declare neither @AccessLogged nor @NotAccessLogged (ADR 0028)")
                .isEmpty();
        assertThat(both).as("handlers that declare both").isEmpty();
        assertThat(noReason).as("@NotAccessLogged without a reason").isEmpty();
        assertThat(loggingDoors()).as("the doors that show staff personal data")
                .contains("GET /cases/{caseNumber}", "GET /api/initiatives/{caseNumber}", "GET /indbakke",
                        "GET /api/initiatives/{caseNumber}/attachments/{id}");
    }

    @Test
    void everyDoorThatDeclaresLoggingWritesItsRecordInTheRequest() throws Exception {
        ApiClient api = new ApiClient(http);
        // a case at screening: intake's task names the purpose
        String screening = api.submit("Adgangslog: bænke ved søen", "natur-miljoe", "jyderup", List.of()).caseNumber();
        String screeningTask = api.task("intake", screening, TASK_SCREEN_INITIATIVE);
        // a case registered by the contact employee for a citizen who phoned, with a scanned letter
        String registered = registeredWithAttachment("Adgangslog: legeplads i parken");
        // a case with a contact person, so that it can be moved
        String agreed = api.submit("Adgangslog: fællesspisning", "natur-miljoe", "svinninge", List.of()).caseNumber();
        api.toSupportPlan(agreed);

        SessionClient intake = new SessionClient(port).logIn("intake");
        SessionClient admin = new SessionClient(port).logIn("admin");
        SessionClient contact = new SessionClient(port).logIn("contact");
        String intakeCsrf = csrf(intake.get("/cases/" + screening).body());
        String adminCsrf = csrf(admin.get("/cases/" + agreed).body());
        long attachmentId = ((Number) ((Map<?, ?>) api.as("admin").getForEntity("/api/initiatives/" + registered
                + "/attachments", List.class).getBody().get(0)).get("id")).longValue();

        Map<String, Walk> walks = new LinkedHashMap<>();
        walks.put("GET /cases/{caseNumber}", new Walk("intake", screening, AccessKind.VIEW,
                "task:" + TASK_SCREEN_INITIATIVE, () -> intake.get("/cases/" + screening).statusCode()));
        // a refused post shows the case page again, with its personal data: logged as a view
        walks.put("POST /cases/{caseNumber}/notes", new Walk("intake", screening, AccessKind.VIEW, null,
                () -> intake.postForm("/cases/" + screening + "/notes", Map.of("_csrf", intakeCsrf, "body", " "))
                        .statusCode()));
        walks.put("POST /cases/{caseNumber}/tasks/{taskId}", new Walk("intake", screening, AccessKind.VIEW, null,
                () -> intake.postForm("/cases/" + screening + "/tasks/" + screeningTask, Map.of("_csrf", intakeCsrf,
                        "screeningDecision", "request-information", "screeningNote", " ")).statusCode()));
        walks.put("POST /cases/{caseNumber}/messages", new Walk("admin", agreed, AccessKind.VIEW, "role.admin",
                () -> admin.postForm("/cases/" + agreed + "/messages", Map.of("_csrf", adminCsrf, "body", " "))
                        .statusCode()));
        walks.put("POST /cases/{caseNumber}/contact-person", new Walk("admin", agreed, AccessKind.VIEW, "role.admin",
                () -> admin.postForm("/cases/" + agreed + "/contact-person", Map.of("_csrf", adminCsrf,
                        "contactPerson", "", "reason", " ")).statusCode()));
        walks.put("GET /api/initiatives/{caseNumber}", new Walk("admin", agreed, AccessKind.VIEW, "role.admin",
                () -> status(api.as("admin").getForEntity("/api/initiatives/" + agreed, String.class))));
        walks.put("GET /api/initiatives/{caseNumber}/attachments", new Walk("admin", registered, AccessKind.VIEW,
                null, () -> status(api.as("admin").getForEntity("/api/initiatives/" + registered + "/attachments",
                        String.class))));
        walks.put("GET /api/initiatives/{caseNumber}/attachments/{id}", new Walk("admin", registered,
                AccessKind.DOWNLOAD, null, () -> status(api.as("admin").getForEntity("/api/initiatives/" + registered
                        + "/attachments/" + attachmentId, byte[].class))));
        walks.put("GET /api/initiatives/{caseNumber}/messages", new Walk("admin", agreed, AccessKind.VIEW, null,
                () -> status(api.as("admin").getForEntity("/api/initiatives/" + agreed + "/messages", String.class))));
        walks.put("GET /api/initiatives/{caseNumber}/notes", new Walk("admin", agreed, AccessKind.VIEW, null,
                () -> status(api.as("admin").getForEntity("/api/initiatives/" + agreed + "/notes", String.class))));
        // the inbox: one record per case shown, the row's task as purpose
        walks.put("GET /indbakke", new Walk("intake", screening, AccessKind.SEARCH, "task:" + TASK_SCREEN_INITIATIVE,
                () -> intake.get("/indbakke?visning=gruppernes-opgaver&q=" + screening).statusCode()));
        walks.put("GET /registrer/{caseNumber}/kvittering", new Walk("contact", registered, AccessKind.VIEW,
                "registration", () -> contact.get("/registrer/" + registered + "/kvittering").statusCode()));
        walks.put("GET /registrer/{caseNumber}/kvittering.pdf", new Walk("contact", registered, AccessKind.DOWNLOAD,
                "registration", () -> contact.get("/registrer/" + registered + "/kvittering.pdf").statusCode()));
        walks.put("GET /adgangslog", new Walk("admin", screening, AccessKind.SEARCH, "log-review",
                () -> admin.get("/adgangslog?sag=" + screening).statusCode()));
        walks.put("GET /adgangslog.csv", new Walk("admin", screening, AccessKind.EXPORT, "log-review",
                () -> admin.get("/adgangslog.csv?sag=" + screening).statusCode()));
        // erasure on request (ADR 0032): a change, on cases of their own
        String erasedOnPage = api.submit("Adgangslog: slettes på siden", "natur-miljoe", "jyderup", List.of())
                .caseNumber();
        String erasedByApi = api.submit("Adgangslog: slettes i API'et", "natur-miljoe", "jyderup", List.of())
                .caseNumber();
        walks.put("POST /sletning", new Walk("admin", erasedOnPage, AccessKind.CHANGE, "erasure",
                () -> admin.postForm("/sletning", Map.of("_csrf", adminCsrf, "sag", erasedOnPage,
                        "begrundelse", "Borgeren bad om det", "bekraeft", "true")).statusCode()));
        walks.put("POST /api/initiatives/{caseNumber}/erasure", new Walk("admin", erasedByApi, AccessKind.CHANGE,
                "erasure", () -> status(api.post("admin", "/api/initiatives/" + erasedByApi + "/erasure",
                        Map.of("reason", "Borgeren bad om det")))));
        // a volunteer's contact data in the network registry (ADR 0039): a view without a case, the admin's role
        long volunteer = jdbc.queryForObject("SELECT MIN(id) FROM partner WHERE kind = 'VOLUNTEER'", Long.class);
        walks.put("GET /admin/netvaerk/{id}", new Walk("admin", null, AccessKind.VIEW, "role.admin",
                () -> admin.get("/admin/netvaerk/" + volunteer).statusCode()));
        walks.put("GET /api/admin/partners/{id}", new Walk("admin", null, AccessKind.VIEW, "role.admin",
                () -> status(api.as("admin").getForEntity("/api/admin/partners/" + volunteer, String.class))));
        // the mails the embedded run caught (only where the embedded SMTP server runs; their cases when named)
        if (loggingDoors().contains("GET /api/admin/mails")) {
            walks.put("GET /api/admin/mails", new Walk("admin", null, AccessKind.VIEW, "caught-mail",
                    () -> status(api.as("admin").getForEntity("/api/admin/mails", String.class))));
        }

        assertThat(walks.keySet()).as("every door that declares @AccessLogged is walked here")
                .containsExactlyInAnyOrderElementsOf(loggingDoors());

        for (Map.Entry<String, Walk> door : walks.entrySet()) {
            Walk walk = door.getValue();
            long before = lastId();
            int status = walk.request().get();
            assertThat(status).as(door.getKey()).isBetween(200, 400);
            List<Map<String, Object>> records = jdbc.queryForList("SELECT user_id, case_number, kind, purpose"
                    + " FROM staff_access_log WHERE id > ? AND user_id = ? AND kind = ?", before, walk.user(),
                    walk.kind().name());
            if (walk.caseNumber() != null) {
                records = records.stream().filter(row -> walk.caseNumber().equals(row.get("case_number"))).toList();
            }
            assertThat(records).as("the record of " + door.getKey()).isNotEmpty();
            if (walk.purpose() != null) {
                assertThat(records).as("the purpose of " + door.getKey())
                        .anySatisfy(row -> assertThat(row.get("purpose")).isEqualTo(walk.purpose()));
            }
        }
    }

    @Test
    void aRecordThatCannotBeWrittenFailsTheReadAndShowsNothing() {
        ApiClient api = new ApiClient(http);
        String caseNumber = api.submit("Adgangslog: loggen er væk", "natur-miljoe", "jyderup", List.of()).caseNumber();
        SessionClient admin = new SessionClient(port).logIn("admin");
        assertThat(admin.get("/cases/" + caseNumber).body()).contains("else@example.org");

        jdbc.execute("RENAME TABLE staff_access_log TO staff_access_log_away");
        try {
            HttpResponse<String> page = admin.get("/cases/" + caseNumber);
            assertThat(page.statusCode()).isEqualTo(500);
            assertThat(page.body()).doesNotContain("else@example.org", "Else Borger", "Beskrivelse af");
            ResponseEntity<String> dossier = api.as("admin").getForEntity("/api/initiatives/" + caseNumber,
                    String.class);
            assertThat(dossier.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
            assertThat(dossier.getBody()).doesNotContain("else@example.org", "Else Borger");
            HttpResponse<String> inbox = new SessionClient(port).logIn("intake")
                    .get("/indbakke?visning=gruppernes-opgaver&q=" + caseNumber);
            assertThat(inbox.statusCode()).isEqualTo(500);
            assertThat(inbox.body()).doesNotContain("Else Borger");
        } finally {
            jdbc.execute("RENAME TABLE staff_access_log_away TO staff_access_log");
        }
        assertThat(admin.get("/cases/" + caseNumber).statusCode()).isEqualTo(200);
    }

    /** One door's walk: who, which case (null: any or none), what kind and purpose (null: any), and the request. */
    record Walk(String user, String caseNumber, AccessKind kind, String purpose, Supplier<Integer> request) {
    }

    private Set<String> loggingDoors() {
        Set<String> doors = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (ours(handler) && AnnotatedElementUtils.hasAnnotation(handler.getMethod(), AccessLogged.class)) {
                doors.addAll(endpoints(info));
            }
        });
        return doors;
    }

    private static boolean ours(HandlerMethod handler) {
        return handler.getBeanType().getName().startsWith("dk.initiativ.");
    }

    private static List<String> endpoints(RequestMappingInfo info) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        List<String> endpoints = new ArrayList<>();
        for (String pattern : info.getPatternValues()) {
            for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                endpoints.add(method + " " + pattern);
            }
        }
        return endpoints;
    }

    private long lastId() {
        Long id = jdbc.queryForObject("SELECT MAX(id) FROM staff_access_log", Long.class);
        return id == null ? 0 : id;
    }

    private static int status(ResponseEntity<?> response) {
        return response.getStatusCode().value();
    }

    private static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    /** A case the demo contact employee registered for a citizen who phoned, with a scanned letter attached. */
    private String registeredWithAttachment(String title) throws Exception {
        SubmitInitiativeRequest request = json.convertValue(Map.of("title", title, "description",
                "Beskrivelse af " + title, "topic", "natur-miljoe", "district", "jyderup", "contactName", "Else Borger",
                "contactEmail", "else@example.org", "consent", true, "helpWanted", List.of()),
                SubmitInitiativeRequest.class);
        byte[] letter = "%PDF-1.4\n%adgangslog\n".getBytes(StandardCharsets.US_ASCII);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(letter));
        return new TransactionTemplate(transactions).execute(status -> {
            SubmissionReceipt receipt = submissions.submit(request, Locale.forLanguageTag("da"), Submitter.ANONYMOUS,
                    new Registration(Channel.PHONE, "contact", null));
            attachments.store(receipt.caseNumber(), List.of(new CheckedFile("brev.pdf", "application/pdf", letter,
                    sha)));
            return receipt.caseNumber();
        });
    }
}
