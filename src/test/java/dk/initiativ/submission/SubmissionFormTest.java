package dk.initiativ.submission;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import dk.initiativ.process.DeadlineProperties;
import dk.initiativ.process.WorkingDayCalendar;
import dk.initiativ.submission.FormClient.FilePart;
import dk.initiativ.support.ApiClient;
import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public form over real HTTP (session, CSRF token, multipart) against the embedded MariaDB: the
 * one-time form key, Post/Redirect/Get, and every kind of hostile input. Each refused post is checked to
 * have stored nothing.
 */
@LocalModeTest
class SubmissionFormTest {

    private static final Pattern CASE_NUMBER = Pattern.compile("id=\"case-number\">([^<]+)<");
    private static final Pattern TRACKING = Pattern.compile("id=\"tracking-link\" href=\"[^\"]*/track/([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestRestTemplate http;

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    DeadlineProperties deadlines;

    @Test
    void aValidPostRedirectsToTheReceiptThatARefreshShowsAgain() {
        FormClient citizen = new FormClient(port, null);
        citizen.openForm("da");
        Map<String, Object> fields = FormClient.validFields("Bænk ved søen, formular");
        fields.put("contactPhone", "+45 12 34 56 78");
        fields.put("publicationConsent", "true");
        fields.put("profileAgeBand", "FROM_30_TO_49");
        fields.put("profileDistrict", "holbaek-by");

        HttpResponse<String> posted = citizen.post(fields, List.of());

        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(posted.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/receipt"));
        HttpResponse<String> receipt = citizen.get("/receipt");
        assertThat(receipt.statusCode()).isEqualTo(200);
        String caseNumber = caseNumberIn(receipt.body());
        assertThat(receipt.body()).contains("/track/" + trackingTokenIn(receipt.body()))
                .contains("else@example.org");
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM initiative WHERE case_number = ?", caseNumber);
        assertThat(row).containsEntry("title", "Bænk ved søen, formular").containsEntry("estimated_budget", 12000L)
                .containsEntry("submission_key", citizen.key).containsEntry("contact_phone", "+45 12 34 56 78")
                .containsEntry("profile_age_band", "FROM_30_TO_49").containsEntry("publication_consent", true)
                .containsEntry("language", "da");
        assertThat(row.get("citizen_user_id")).isNull();
        // the first screening's date as the configured working days give it
        Instant submittedAt = jdbc.queryForObject("SELECT submitted_at FROM initiative WHERE case_number = ?",
                java.sql.Timestamp.class, caseNumber).toInstant();
        String due = calendar.addWorkingDays(submittedAt.atZone(deadlines.zone()), deadlines.intakeScreening())
                .toLocalDate().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag("da")));
        assertThat(receipt.body()).contains(due);

        HttpResponse<String> refreshed = citizen.get("/receipt");
        assertThat(caseNumberIn(refreshed.body())).isEqualTo(caseNumber);
        assertThat(countByTitle("Bænk ved søen, formular")).isEqualTo(1);
        assertThat(new FormClient(port, null).get("/receipt").statusCode()).as("no receipt in a new session").isEqualTo(303);
    }

    @Test
    void anotherSessionsFormKeyNeverShowsThatCasesReceipt() {
        FormClient citizen = new FormClient(port, null);
        citizen.openForm("da");
        assertThat(citizen.post(FormClient.validFields("Bænk ved mosen"), List.of()).statusCode()).isEqualTo(303);
        String caseNumber = caseNumberIn(citizen.get("/receipt").body());

        // someone else replays the key in a session of their own (with their own CSRF token)
        FormClient other = new FormClient(port, null);
        other.openForm("da");
        other.key = citizen.key;
        HttpResponse<String> replayed = other.post(FormClient.validFields("Bænk ved åen"), List.of());
        assertThat(replayed.statusCode()).isEqualTo(303);
        HttpResponse<String> receipt = other.get("/receipt");
        assertThat(caseNumberIn(receipt.body())).isNotEqualTo(caseNumber);
        assertThat(receipt.body()).doesNotContain("Bænk ved mosen");
        // their post is a case of its own under a key of its own; the first session's repeat still shows its receipt
        assertThat(countByTitle("Bænk ved åen")).isEqualTo(1);
        assertThat(citizen.post(FormClient.validFields("Bænk ved mosen"), List.of()).statusCode()).isEqualTo(303);
        assertThat(caseNumberIn(citizen.get("/receipt").body())).isEqualTo(caseNumber);
        assertThat(countByTitle("Bænk ved mosen")).isEqualTo(1);
    }

    @Test
    void theSameFormPostedAgainShowsTheFirstReceiptAndMakesNoSecondCase() {
        FormClient citizen = new FormClient(port, null);
        citizen.openForm("da");
        Map<String, Object> fields = FormClient.validFields("Dobbeltklik-idé");

        assertThat(citizen.post(fields, List.of()).statusCode()).isEqualTo(303);
        String first = caseNumberIn(citizen.get("/receipt").body());
        assertThat(citizen.post(fields, List.of()).statusCode()).isEqualTo(303);
        String second = caseNumberIn(citizen.get("/receipt").body());

        assertThat(second).isEqualTo(first);
        assertThat(countByTitle("Dobbeltklik-idé")).isEqualTo(1);
    }

    @Test
    void theSameFormPostedConcurrentlyMakesOneCaseAndNoError() throws Exception {
        FormClient citizen = new FormClient(port, null);
        citizen.openForm("da");
        Map<String, Object> fields = FormClient.validFields("Samtidig idé");
        int posts = 4;
        ExecutorService pool = Executors.newFixedThreadPool(posts);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < posts; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return citizen.post(fields, List.of()).statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(303);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(countByTitle("Samtidig idé")).isEqualTo(1);
        assertThat(caseNumberIn(citizen.get("/receipt").body()))
                .isEqualTo(jdbc.queryForObject("SELECT case_number FROM initiative WHERE title = ?", String.class, "Samtidig idé"));
    }

    @Test
    void aWrongOrMissingCsrfTokenGetsAFriendlyPageAndStoresNothing() {
        FormClient citizen = new FormClient(port, null);
        citizen.openForm("da");
        long before = cases();
        Map<String, Object> fields = new HashMap<>(FormClient.validFields("CSRF-idé"));

        citizen.csrf = "forkert-token";
        HttpResponse<String> wrong = citizen.post(fields, List.of());
        citizen.csrf = null;
        HttpResponse<String> missing = citizen.post(fields, List.of());

        for (HttpResponse<String> refused : List.of(wrong, missing)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("Formularen blev ikke sendt").contains("id=\"back-to-form\"")
                    .doesNotContain("Whitelabel");
        }
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void aFilledHoneypotIsRefusedClearlyAndStoresNothing() {
        FormClient robot = new FormClient(port, null);
        robot.openForm("da");
        long before = cases();
        Map<String, Object> fields = FormClient.validFields("Honningkrukke-idé");
        fields.put("website", "http://spam.example");

        HttpResponse<String> refused = robot.post(fields, List.of());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Vi kunne ikke tage imod formularen").contains("Honningkrukke-idé");
        assertThat(cases()).isEqualTo(before);
        // a person caught by mistake sends again (the page came back with the field empty) and gets through
        fields.remove("website");
        assertThat(robot.post(fields, List.of()).statusCode()).isEqualTo(303);
        assertThat(countByTitle("Honningkrukke-idé")).isEqualTo(1);
    }

    @Test
    void aFloodOverTheRateLimitGets429WithWhenToTryAgainAndStoresNothing() {
        String title = "Oversvømmelse " + System.nanoTime();
        for (int i = 0; i < 10; i++) {
            FormClient client = new FormClient(port, "198.51.100.23");
            client.openForm("da");
            assertThat(client.post(FormClient.validFields(title), List.of()).statusCode()).as("post %d", i).isEqualTo(303);
        }
        FormClient eleventh = new FormClient(port, "198.51.100.23");
        eleventh.openForm("da");
        long before = cases();

        HttpResponse<String> limited = eleventh.post(FormClient.validFields(title), List.of());

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
        assertThat(limited.body()).contains("Vent lidt, før du sender igen").contains("minutter (kl.").contains(title);
        assertThat(cases()).isEqualTo(before);
        assertThat(countByTitle(title)).isEqualTo(10);
        // another client is not affected
        FormClient other = new FormClient(port, "198.51.100.24");
        other.openForm("da");
        assertThat(other.post(FormClient.validFields(title), List.of()).statusCode()).isEqualTo(303);
    }

    @Test
    void theJsonApiIsRateLimitedPerClientWithAProblemDetail() throws Exception {
        String title = "API-oversvømmelse " + System.nanoTime();
        String body = "{\"title\":\"" + title + "\",\"description\":\"Beskrivelse\",\"topic\":\"natur-miljoe\","
                + "\"district\":\"holbaek-by\",\"contactName\":\"Else\",\"contactEmail\":\"else@example.org\",\"consent\":true}";
        // java.net.http: Apache HttpClient (TestRestTemplate) would silently wait out Retry-After and try again
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest post = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/initiatives"))
                .header("Content-Type", "application/json").header("Accept-Language", "da")
                .header("X-Forwarded-For", "198.51.100.31")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
        for (int i = 0; i < 10; i++) {
            assertThat(client.send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).as("post %d", i).isEqualTo(201);
        }
        long before = cases();

        HttpResponse<String> limited = client.send(post, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
        assertThat(limited.body()).contains("\"status\":429").contains("\"title\":\"For mange indsendelser\"")
                .contains("Prøv igen om cirka");
        assertThat(cases()).isEqualTo(before);
        assertThat(countByTitle(title)).isEqualTo(10);
    }

    @Test
    void hundredKilobyteTextsGetFieldErrorsNotAServerError() {
        FormClient citizen = new FormClient(port, null);
        assertThat(citizen.openForm("da").body()).contains("maxlength=\"150\"").contains("maxlength=\"5000\"");
        long before = cases();
        Map<String, Object> fields = FormClient.validFields("x".repeat(100_000));
        fields.put("description", "y".repeat(100_000));
        fields.put("contactName", "z".repeat(100_000));
        fields.put("expectedTimeline", "t".repeat(100_000));

        HttpResponse<String> page = citizen.post(fields, List.of());

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Titel må højst være 150 tegn.").contains("Beskrivelse må højst være 5000 tegn.")
                .contains("Navn må højst være 120 tegn.").contains("Tidsplan må højst være 300 tegn.")
                .contains("href=\"#title\"").contains("id=\"title-error\"");
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void anEmptyPostNamesEveryRequiredFieldAndKeepsWhatWasTyped() {
        FormClient citizen = new FormClient(port, null);
        citizen.openForm("en");
        long before = cases();

        HttpResponse<String> page = citizen.post(Map.of("contactName", "<b>Anna</b>", "applicantKind", "GROUP",
                "estimatedBudget", "lots"), List.of());

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("href=\"#title\"").contains("href=\"#description\"").contains("href=\"#topic\"")
                .contains("href=\"#district\"").contains("href=\"#contactEmail\"").contains("href=\"#consent\"")
                .contains("href=\"#groupName\"").contains("href=\"#estimatedBudget\"")
                .contains("value=\"&lt;b&gt;Anna&lt;/b&gt;\"").doesNotContain("<b>Anna</b>");
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void aRenamedExecutableIsRefusedByItsContent() {
        FormClient citizen = new FormClient(port, null);
        citizen.openForm("da");
        long cases = cases();
        long attachments = attachments();
        byte[] elf = concat(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, new byte[2000]);
        byte[] exe = concat("MZ".getBytes(StandardCharsets.US_ASCII), new byte[2000]);
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);

        for (FilePart hostile : List.of(new FilePart("attachments", "photo.jpg", "image/jpeg", elf),
                new FilePart("attachments", "scan.pdf", "application/pdf", exe),
                new FilePart("attachments", "billede.png", "image/png", html))) {
            HttpResponse<String> page = citizen.post(FormClient.validFields("Forklædt fil"), List.of(hostile));
            assertThat(page.statusCode()).isEqualTo(400);
            assertThat(page.body()).contains("Filen &quot;" + hostile.fileName() + "&quot; er ikke et billede")
                    .contains("href=\"#attachments\"").contains("Vælg dine filer igen");
        }
        assertThat(cases()).isEqualTo(cases);
        assertThat(attachments()).isEqualTo(attachments);
    }

    @Test
    void aRealPngAndPdfAreStoredWithTheCaseAndServedOnlyAsSafeDownloads() throws IOException {
        FormClient citizen = new FormClient(port, null);
        citizen.openForm("da");
        byte[] png = png();
        byte[] pdf = pdf();

        HttpResponse<String> posted = citizen.post(FormClient.validFields("Idé med bilag"), List.of(
                new FilePart("attachments", "Bænk ved søen.png", "application/octet-stream", png),
                new FilePart("attachments", "../../etc/tegning<script>.pdf", "text/html", pdf)));

        assertThat(posted.statusCode()).isEqualTo(303);
        String receipt = citizen.get("/receipt").body();
        String caseNumber = caseNumberIn(receipt);
        String token = trackingTokenIn(receipt);
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT a.id, a.file_name, a.content_type, a.size_bytes, a.sha256"
                + " FROM attachment a JOIN initiative i ON i.id = a.initiative_id WHERE i.case_number = ? ORDER BY a.id", caseNumber);
        assertThat(rows).extracting(r -> r.get("file_name")).containsExactly("Bænk ved søen.png", "tegning_script_.pdf");
        assertThat(rows).extracting(r -> r.get("content_type")).containsExactly("image/png", "application/pdf");

        long pngId = ((Number) rows.get(0).get("id")).longValue();
        HttpResponse<byte[]> download = citizen.download("/track/" + token + "/attachments/" + pngId);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(png);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(value -> assertThat(value)
                .startsWith("attachment;").contains("filename*=UTF-8''B%C3%A6nk%20ved%20s%C3%B8en.png"));
        long pdfId = ((Number) rows.get(1).get("id")).longValue();
        assertThat(citizen.download("/track/" + token + "/attachments/" + pdfId).headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("attachment;").doesNotContain("<script>"));
        // another case's token, a made-up token: the friendly 404 page
        String otherToken = new ApiClient(http).submit("Anden sag", "natur-miljoe", "holbaek-by", List.of()).token();
        assertThat(citizen.download("/track/" + otherToken + "/attachments/" + pngId).statusCode()).isEqualTo(404);
        assertThat(citizen.get("/track/made-up-token/attachments/" + pngId).statusCode()).isEqualTo(404);
        // the tracking page and the staff case page list them as downloads
        assertThat(citizen.get("/track/" + token).body())
                .contains("href=\"/track/" + token + "/attachments/" + pngId + "\"", "Bænk ved søen.png");
        assertThat(new ApiClient(http).as("intake").getForEntity("/cases/" + caseNumber, String.class).getBody())
                .contains("href=\"/api/initiatives/" + caseNumber + "/attachments/" + pdfId + "\"");

        // staff with access to the case list and download them; others may not
        ApiClient staff = new ApiClient(http);
        ResponseEntity<List> list = staff.as("admin").getForEntity("/api/initiatives/" + caseNumber + "/attachments", List.class);
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(list.getBody()).hasSize(2);
        assertThat((Map<String, Object>) list.getBody().get(0)).containsEntry("fileName", "Bænk ved søen.png")
                .containsEntry("contentType", "image/png").containsEntry("sizeBytes", png.length);
        ResponseEntity<byte[]> staffDownload = staff.as("intake")
                .getForEntity("/api/initiatives/" + caseNumber + "/attachments/" + pdfId, byte[].class);
        assertThat(staffDownload.getBody()).isEqualTo(pdf);
        assertThat(staffDownload.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(staffDownload.getHeaders().getContentDisposition().isAttachment()).isTrue();
        assertThat(staff.as("cecilie").getForEntity("/api/initiatives/" + caseNumber + "/attachments", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void tooManyOrTooLargeFilesGetAFieldErrorAndTheTextIsKept() throws IOException {
        FormClient citizen = new FormClient(port, null);
        citizen.openForm("da");
        long cases = cases();
        long attachments = attachments();
        byte[] png = png();
        List<FilePart> six = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            six.add(new FilePart("attachments", "foto" + i + ".png", "image/png", png));
        }
        HttpResponse<String> tooMany = citizen.post(FormClient.validFields("For mange filer"), six);
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("Du kan højst vedhæfte 5 filer.").contains("value=\"For mange filer\"");

        byte[] large = Arrays.copyOf(png, 10 * 1024 * 1024 + 1);
        HttpResponse<String> tooLarge = citizen.post(FormClient.validFields("For stor fil"),
                List.of(new FilePart("attachments", "stor.png", "image/png", large)));
        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(tooLarge.body()).contains("Filen &quot;stor.png&quot; er for stor. Hver fil må højst være 10 MB.")
                .contains("value=\"For stor fil\"");

        HttpResponse<String> unreadable = citizen.post(FormClient.validFields("Alt for stor"),
                List.of(new FilePart("attachments", "enorm.pdf", "application/pdf", new byte[61 * 1024 * 1024])));
        assertThat(unreadable.statusCode()).isEqualTo(413);
        assertThat(unreadable.body()).contains("Filerne er for store").contains("id=\"back-to-form\"");

        assertThat(cases()).isEqualTo(cases);
        assertThat(attachments()).isEqualTo(attachments);
    }

    @Test
    void aLoggedInCitizenSubmitsForMyInitiatives() {
        FormClient citizen = new FormClient(port, null);
        HttpResponse<String> login = citizen.get("/login");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> loggedIn = citizen.postLogin(csrf.group(1), "citizen", ApiClient.PASSWORD);
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        citizen.openForm("da");

        assertThat(citizen.post(FormClient.validFields("Min egen idé"), List.of()).statusCode()).isEqualTo(303);

        String caseNumber = caseNumberIn(citizen.get("/receipt").body());
        assertThat(jdbc.queryForObject("SELECT citizen_user_id FROM initiative WHERE case_number = ?", String.class, caseNumber))
                .isEqualTo("citizen");
    }

    private static String caseNumberIn(String html) {
        Matcher matcher = CASE_NUMBER.matcher(html);
        assertThat(matcher.find()).as("case number on the receipt").isTrue();
        return matcher.group(1);
    }

    private static String trackingTokenIn(String html) {
        Matcher matcher = TRACKING.matcher(html);
        assertThat(matcher.find()).as("tracking link on the receipt").isTrue();
        return matcher.group(1);
    }

    private long cases() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM initiative", Long.class);
    }

    private long attachments() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM attachment", Long.class);
    }

    private long countByTitle(String title) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM initiative WHERE title = ?", Long.class, title);
    }

    static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0x2e7d32);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
