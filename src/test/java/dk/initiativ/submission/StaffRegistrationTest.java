package dk.initiativ.submission;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import dk.initiativ.support.ApiClient;
import dk.initiativ.support.LocalModeTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static dk.initiativ.process.InitiativeProcess.TASK_ACCEPT_CASE;
import static dk.initiativ.process.InitiativeProcess.TASK_SCREEN_INITIATIVE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 over HTTP: any employee registers an initiative for a citizen at {@code /registrer} (citizens and
 * anonymous users cannot), with the public form's checks and nothing half stored; a citizen without e-mail gets no
 * mail queued but a printed receipt whose link opens their tracking page; the channel statistics count it.
 */
@LocalModeTest
class StaffRegistrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern RECEIPT = Pattern.compile("/registrer/(INI-[0-9-]+)/kvittering$");
    private static final Pattern TRACKING = Pattern.compile("(https?://[^\\s/]+)/track/([A-Za-z0-9_-]{43})");
    private static final Pattern SHORT_CODE = Pattern.compile("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestRestTemplate http;

    @Test
    void everyStaffRoleReachesTheRegistration() {
        for (String user : List.of("intake", "contact", "fund", "vibeke", "manager", "admin")) {
            FormClient staff = loggedIn(user);
            HttpResponse<String> page = staff.openForm("/registrer", "da");
            assertThat(page.statusCode()).as(user).isEqualTo(200);
            assertThat(page.body()).as(user).contains("Registrér et initiativ for en borger", "id=\"nav-register\"",
                    "name=\"channel\"", "href=\"/privacy\"");
        }
    }

    @Test
    void citizensAndAnonymousUsersCannotRegister() {
        long before = cases();
        FormClient anonymous = new FormClient(port, null);
        anonymous.openForm("da"); // a session and a CSRF token from the public form
        assertThat(anonymous.get("/registrer").statusCode()).isEqualTo(302);
        HttpResponse<String> anonymousPost = anonymous.postRaw("/registrer", withToken(anonymous, phoneCase("Anonym")),
                List.of());
        assertThat(anonymousPost.statusCode()).isEqualTo(302);
        assertThat(anonymousPost.headers().firstValue("Location").orElse("")).endsWith("/login");

        FormClient citizen = loggedIn("citizen");
        citizen.openForm("da");
        assertThat(citizen.get("/registrer").statusCode()).isEqualTo(403);
        assertThat(citizen.postRaw("/registrer", withToken(citizen, phoneCase("Borger selv")), List.of()).statusCode())
                .isEqualTo(403);
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void badInputGetsTheFieldMessagesOfThePublicFormAndStoresNothing() {
        FormClient staff = loggedIn("contact");
        staff.openForm("/registrer", "da");
        long before = cases();

        HttpResponse<String> empty = staff.postRaw("/registrer", withToken(staff, Map.of("contactName", "<b>Anna</b>",
                "estimatedBudget", "mange")), List.of());
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("href=\"#channel-IN_PERSON\"", "href=\"#title\"", "href=\"#description\"",
                        "href=\"#topic\"", "href=\"#district\"", "href=\"#contactEmail\"", "href=\"#consent\"",
                        "href=\"#estimatedBudget\"")
                .contains("Vælg, hvordan initiativet kom ind.")
                .contains("Skriv borgerens e-mail, telefonnummer eller postadresse")
                .contains("Bekræft, at borgeren har sagt ja til at blive registreret")
                .contains("value=\"&lt;b&gt;Anna&lt;/b&gt;\"").doesNotContain("<b>Anna</b>");

        Map<String, Object> wrong = phoneCase("Forkerte felter");
        wrong.put("contactEmail", "ikke-en-adresse");
        wrong.put("contactPhone", "ring til mig");
        wrong.put("contactAddress", "x".repeat(301));
        wrong.put("title", "t".repeat(151));
        HttpResponse<String> refused = staff.postRaw("/registrer", withToken(staff, wrong), List.of());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"contactEmail-error\"", "id=\"contactPhone-error\"",
                "id=\"contactAddress-error\"", "id=\"title-error\"", "Postadressen må højst være 300 tegn.");

        // English: the same rules in the employee's language
        staff.openForm("/registrer", "en");
        HttpResponse<String> english = staff.postRaw("/registrer?lang=en", withToken(staff, Map.of()), List.of());
        assertThat(english.body()).contains("Choose how the initiative came in.",
                "e-mail, phone number or postal address, so that the municipality can reach them");
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void aCitizenWithoutEmailWhoPhonedGetsAPrintedReceiptAndNoMail() throws IOException {
        FormClient staff = loggedIn("contact");
        staff.openForm("/registrer", "da");
        Map<String, Object> fields = phoneCase("Bænke ved stien 🌳");
        fields.put("contactAddress", "Møllevej 3\n4300 Holbæk");
        fields.put("profileAgeBand", "FROM_67");

        // the letter the citizen brought, scanned: attachments as on the public form
        HttpResponse<String> posted = staff.postRaw("/registrer", withToken(staff, fields),
                List.of(new FormClient.FilePart("attachments", "brev.png", "image/png", SubmissionFormTest.png())));

        assertThat(posted.statusCode()).isEqualTo(303);
        Matcher location = RECEIPT.matcher(posted.headers().firstValue("Location").orElse(""));
        assertThat(location.find()).isTrue();
        String caseNumber = location.group(1);
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM initiative WHERE case_number = ?", caseNumber);
        assertThat(row).containsEntry("title", "Bænke ved stien 🌳").containsEntry("channel", "PHONE")
                .containsEntry("registered_by", "contact").containsEntry("contact_phone", "+45 40 11 22 33")
                .containsEntry("contact_address", "Møllevej 3\n4300 Holbæk").containsEntry("language", "da")
                .containsEntry("stage", "SUBMITTED");
        assertThat(row.get("contact_email")).isNull();
        assertThat(jdbc.queryForList("SELECT type FROM case_event WHERE initiative_id = ? ORDER BY id", String.class,
                row.get("id"))).containsExactly("SUBMITTED", "REGISTERED_BY_STAFF");
        assertThat(jdbc.queryForObject("SELECT actor FROM case_event WHERE initiative_id = ? AND type = ?",
                String.class, row.get("id"), "REGISTERED_BY_STAFF")).isEqualTo("contact");
        assertThat(mailsAbout(caseNumber)).as("no e-mail queued for a citizen without an address").isZero();
        assertThat(jdbc.queryForList("SELECT file_name FROM attachment WHERE initiative_id = ?", String.class,
                row.get("id"))).containsExactly("brev.png");

        // the same form posted again (a double click) shows the same receipt and makes no second case
        assertThat(staff.postRaw("/registrer", withToken(staff, fields), List.of()).headers().firstValue("Location")
                .orElse("")).endsWith("/registrer/" + caseNumber + "/kvittering");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM initiative WHERE title = ?", Long.class,
                "Bænke ved stien 🌳")).isEqualTo(1);

        HttpResponse<String> receiptPage = staff.get("/registrer/" + caseNumber + "/kvittering");
        assertThat(receiptPage.statusCode()).isEqualTo(200);
        assertThat(receiptPage.body()).contains(caseNumber, "Borgeren har ingen e-mail", "+45 40 11 22 33",
                "/registrer/" + caseNumber + "/kvittering.pdf");

        HttpResponse<byte[]> pdf = staff.download("/registrer/" + caseNumber + "/kvittering.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElse(""))
                .contains("attachment", "kvittering-" + caseNumber + ".pdf");
        String text = textOf(pdf.body());
        if (System.getProperty("screenshots.dir") != null) {
            // the printed page as a picture, only when the run asks for screenshots
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 96), "png",
                        Path.of(System.getProperty("screenshots.dir"), "receipt-pdf.png").toFile());
            }
        }
        assertThat(text).contains(caseNumber, "Kvittering for dit initiativ", "Bænke ved stien", "Telefon",
                "Følg din sag").doesNotContain("#");
        Matcher link = TRACKING.matcher(text.replaceAll("\\s+", ""));
        assertThat(link.find()).as("a tracking link in %s", text).isTrue();
        HttpResponse<String> tracking = new FormClient(port, null).get("/track/" + link.group(2));
        assertThat(tracking.statusCode()).isEqualTo(200);
        assertThat(tracking.body()).contains("Bænke ved stien 🌳", "En medarbejder i kommunen har registreret",
                "Du ringede til os");

        // the short way for a phone (ADR 0023): the code page's address and the case's short code, typed in
        Matcher code = SHORT_CODE.matcher(text);
        assertThat(code.find()).as("a short code in %s", text).isTrue();
        assertThat(text).contains("/kode på din telefon");
        HttpResponse<String> opened = typeCode(new FormClient(port, null), caseNumber, code.group());
        assertThat(opened.statusCode()).isEqualTo(303);
        assertThat(opened.headers().firstValue("Location").orElse("")).endsWith("/track/" + link.group(2));

        // intake screens it like any other case
        ApiClient api = new ApiClient(http);
        ApiClient.ok(api.post("intake", "/api/tasks/" + api.task("intake", caseNumber, TASK_SCREEN_INITIATIVE)
                + "/screening", Map.of("decision", "accept")));
        // the contact person takes it: a web citizen would now get "you have a contact person" by e-mail
        String contactPerson = (String) api.initiative(caseNumber).get("contactPerson");
        ApiClient.ok(api.post(contactPerson, "/api/tasks/" + api.task(contactPerson, caseNumber, TASK_ACCEPT_CASE)
                + "/acceptance", Map.of("accepted", true)));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_event WHERE initiative_id = ? AND type = ?",
                Long.class, row.get("id"), "CONTACT_ASSIGNED")).isEqualTo(1);
        assertThat(mailsAbout(caseNumber)).as("no e-mail for the later milestones either").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE subject LIKE ?", Long.class,
                "%" + caseNumber + "%")).as("staff are still told (the proposal)").isPositive();
    }

    @Test
    void aCitizenWithEmailRegisteredInPersonGetsTheReceiptMailInTheirLanguage() throws IOException {
        FormClient staff = loggedIn("fund");
        staff.openForm("/registrer", "da");
        Map<String, Object> fields = phoneCase("Repair café at the library");
        fields.put("channel", "IN_PERSON");
        fields.put("contactEmail", "sam@example.org");
        fields.put("citizenLanguage", "en");

        HttpResponse<String> posted = staff.postRaw("/registrer", withToken(staff, fields), List.of());

        assertThat(posted.statusCode()).isEqualTo(303);
        String caseNumber = caseNumberOf(posted);
        assertThat(jdbc.queryForMap("SELECT * FROM initiative WHERE case_number = ?", caseNumber))
                .containsEntry("language", "en").containsEntry("channel", "IN_PERSON");
        assertThat(jdbc.queryForList("SELECT recipient FROM mail_outbox WHERE subject LIKE ?", String.class,
                "%" + caseNumber + "%")).containsExactly("sam@example.org");
        String text = textOf(staff.download("/registrer/" + caseNumber + "/kvittering.pdf").body());
        assertThat(text).contains("Receipt for your initiative", caseNumber, "In person");
    }

    @Test
    void theReceiptIsPrintedOnlyForWhoMayHaveItAndOnlyForCasesStaffRegistered() {
        FormClient staff = loggedIn("manager");
        staff.openForm("/registrer", "da");
        String caseNumber = caseNumberOf(staff.postRaw("/registrer", withToken(staff, phoneCase("Kun til de rette")),
                List.of()));
        String pdf = "/registrer/" + caseNumber + "/kvittering.pdf";
        assertThat(loggedIn("anna").download(pdf).statusCode()).as("another contact person").isEqualTo(403);
        assertThat(loggedIn("vibeke").download(pdf).statusCode()).as("a department").isEqualTo(403);
        assertThat(loggedIn("intake").download(pdf).statusCode()).as("intake reads every case").isEqualTo(200);
        String webCase = new ApiClient(http).submit("Selv sendt", "natur-miljoe", "holbaek-by", List.of()).caseNumber();
        assertThat(loggedIn("intake").download("/registrer/" + webCase + "/kvittering.pdf").statusCode())
                .as("a case the citizen sent has its receipt by e-mail").isEqualTo(404);

        // the staff case page marks the citizen without e-mail and offers the receipt again
        HttpResponse<String> casePage = loggedIn("intake").get("/cases/" + caseNumber);
        assertThat(casePage.body()).contains("id=\"no-email\"", "Borgeren har ingen e-mail",
                "Registreret af en medarbejder for borgeren: Telefon.", "id=\"case-receipt-pdf\"",
                "Registreret for borgeren af en medarbejder", "Mette Leder");
    }

    @Test
    void theShortCodeOnThePrintedReceiptOpensTheTrackingPageAndCannotBeGuessed() throws IOException {
        FormClient staff = loggedIn("contact");
        staff.openForm("/registrer", "da");
        Map<String, Object> fields = phoneCase("Koden virker");
        fields.put("citizenLanguage", "en");
        String caseNumber = caseNumberOf(staff.postRaw("/registrer", withToken(staff, fields), List.of()));
        String text = textOf(staff.download("/registrer/" + caseNumber + "/kvittering.pdf").body());
        assertThat(text).contains("Case number", caseNumber, "Code", "type the case number and the code");
        Matcher code = SHORT_CODE.matcher(text);
        assertThat(code.find()).as("a short code in %s", text).isTrue();
        Matcher link = TRACKING.matcher(text.replaceAll("\\s+", ""));
        assertThat(link.find()).isTrue();

        // a citizen on a phone: the page in both languages, the code typed in lower case without hyphens and the
        // case number without its prefix, then the tracking page
        FormClient phone = new FormClient(port, "198.51.100.23");
        HttpResponse<String> page = phone.get("/kode");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Find din sag med koden fra kvitteringen", "for=\"caseNumber\"", "for=\"code\"");
        assertThat(phone.get("/kode?lang=en").body()).contains("Find your case with the code from the receipt");
        phone.get("/kode?lang=da"); // the language choice is kept in a cookie
        HttpResponse<String> opened = typeCode(phone, caseNumber.substring(4),
                code.group().replace("-", " ").toLowerCase());
        assertThat(opened.statusCode()).isEqualTo(303);
        String location = opened.headers().firstValue("Location").orElse("");
        assertThat(location).endsWith("/track/" + link.group(2));
        HttpResponse<String> tracking = phone.get(location.substring(location.indexOf("/track/")));
        assertThat(tracking.statusCode()).isEqualTo(200);
        assertThat(tracking.body()).contains("Koden virker");

        // nothing typed, a wrong code, another case's number: field messages, and no hint which half was wrong
        HttpResponse<String> empty = typeCode(phone, "", "");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Skriv sagsnummeret fra kvitteringen.", "Skriv koden fra kvitteringen.",
                "id=\"code-error\"", "aria-describedby=\"code-hint code-error\"");
        String wrong = code.group().startsWith("Z") ? "Y" + code.group().substring(1) : "Z" + code.group().substring(1);
        HttpResponse<String> refused = typeCode(phone, caseNumber, wrong);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Sagsnummeret og koden passer ikke sammen").doesNotContain("/track/");
        String webCase = new ApiClient(http).submit("Selv sendt med kode", "natur-miljoe", "holbaek-by", List.of())
                .caseNumber();
        assertThat(typeCode(phone, webCase, code.group()).statusCode()).as("another case's number").isEqualTo(400);

        // every attempt counts against the client's address: after the limit even the right code waits
        FormClient guesser = new FormClient(port, "203.0.113.77");
        guesser.get("/kode");
        int refusedAttempts = 0;
        HttpResponse<String> last = null;
        for (int attempt = 0; attempt < 12; attempt++) {
            last = typeCode(guesser, caseNumber, "ABCD-EFGH-JK" + String.format("%02d", attempt));
            if (last.statusCode() == 400) {
                refusedAttempts++;
            }
        }
        assertThat(refusedAttempts).as("the limit's capacity").isEqualTo(10);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(last.body()).contains("For mange forsøg");
        assertThat(typeCode(guesser, caseNumber, code.group()).statusCode()).isEqualTo(429);
        assertThat(typeCode(new FormClient(port, "203.0.113.78"), caseNumber, code.group()).statusCode())
                .as("another address").isEqualTo(303);
    }

    /** Opens the code page (a session and its CSRF token) and posts the case number and the code. */
    private static HttpResponse<String> typeCode(FormClient client, String caseNumber, String code) {
        Matcher csrf = CSRF.matcher(client.get("/kode").body());
        assertThat(csrf.find()).isTrue();
        return client.postRaw("/kode", Map.of("_csrf", csrf.group(1), "caseNumber", caseNumber, "code", code),
                List.of());
    }

    @Test
    void theChannelStatisticsCountHowInitiativesCameInForManagersAndAdminsOnly() {
        FormClient staff = loggedIn("admin");
        staff.openForm("/registrer", "da");
        Map<String, Object> fields = phoneCase("Talt med på et møde");
        fields.put("channel", "MEETING");
        fields.put("district", "toelloese");
        fields.put("profileAgeBand", "FROM_18_TO_29");
        caseNumberOf(staff.postRaw("/registrer", withToken(staff, fields), List.of()));
        ApiClient api = new ApiClient(http);

        ResponseEntity<Map> report = api.get("manager", "/api/statistics/channels");

        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> byChannel = (Map<String, Object>) report.getBody().get("byChannel");
        assertThat(((Number) byChannel.get("MEETING")).longValue()).isPositive();
        assertThat(((Number) byChannel.get("WEB")).longValue()).isNotNegative();
        List<Map<String, Object>> rows = (List<Map<String, Object>>) report.getBody().get("rows");
        assertThat(rows).anySatisfy(row -> assertThat(row).containsEntry("channel", "MEETING")
                .containsEntry("district", "toelloese").containsEntry("ageBand", "FROM_18_TO_29"));
        long total = ((Number) report.getBody().get("total")).longValue();
        assertThat(total).isEqualTo(rows.stream().mapToLong(row -> ((Number) row.get("count")).longValue()).sum());

        assertThat(api.get("admin", "/api/statistics/channels?from=2020-01-01&to=2020-12-31").getBody())
                .containsEntry("total", 0);
        assertThat(api.get("contact", "/api/statistics/channels").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.get("intake", "/api/statistics/channels").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // one grouped query over the index of its own (V19): the period is a range of it, the groups are in it
        Map<String, Object> plan = jdbc.queryForMap("EXPLAIN SELECT channel, district, profile_age_band, COUNT(*)"
                + " FROM initiative WHERE submitted_at >= '2026-01-01' AND submitted_at < '2027-01-01'"
                + " GROUP BY channel, district, profile_age_band");
        assertThat(plan.get("key")).as("%s", plan).isEqualTo("ix_initiative_channel_statistics");
        assertThat(String.valueOf(plan.get("Extra"))).as("read from the index alone").contains("Using index");

        assertThat(ApiClient.fieldError(api.get("manager", "/api/statistics/channels?from=31-01-2026")))
                .containsEntry("field", "from");
        assertThat(ApiClient.fieldError(api.get("manager", "/api/statistics/channels?from=2026-02-01&to=2026-01-01")))
                .containsEntry("field", "to");
    }

    /** A case as an employee types it for a citizen who phoned and has no e-mail. */
    static Map<String, Object> phoneCase(String title) {
        Map<String, Object> fields = FormClient.validFields(title);
        fields.remove("contactEmail");
        fields.put("contactPhone", "+45 40 11 22 33");
        fields.put("channel", "PHONE");
        fields.put("citizenLanguage", "da");
        return fields;
    }

    private FormClient loggedIn(String user) {
        FormClient client = new FormClient(port, null);
        Matcher csrf = CSRF.matcher(client.get("/login").body());
        assertThat(csrf.find()).isTrue();
        assertThat(client.postLogin(csrf.group(1), user, ApiClient.PASSWORD).statusCode()).isEqualTo(302);
        return client;
    }

    private static Map<String, Object> withToken(FormClient client, Map<String, ?> fields) {
        Map<String, Object> all = new java.util.LinkedHashMap<>();
        all.put("_csrf", client.csrf);
        all.put("submissionKey", client.key);
        all.putAll(fields);
        return all;
    }

    private static String caseNumberOf(HttpResponse<String> posted) {
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
        Matcher location = RECEIPT.matcher(posted.headers().firstValue("Location").orElse(""));
        assertThat(location.find()).isTrue();
        return location.group(1);
    }

    static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).as("one page").isEqualTo(1);
            return new PDFTextStripper().getText(document);
        }
    }

    /** Mails to the case's citizen: their subjects end with "sag INI-..." or "case INI-..." (staff's do not). */
    private long mailsAbout(String caseNumber) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE subject LIKE ? OR subject LIKE ?"
                + " OR recipient IS NULL OR recipient = ''", Long.class, "%sag " + caseNumber, "%case " + caseNumber);
    }

    private long cases() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM initiative", Long.class);
    }
}
