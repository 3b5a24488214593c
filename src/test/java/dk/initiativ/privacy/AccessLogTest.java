package dk.initiativ.privacy;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.initiativ.process.DeadlineProperties;
import dk.initiativ.support.ApiClient;
import dk.initiativ.support.LocalModeTest;
import dk.initiativ.support.SessionClient;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static dk.initiativ.process.InitiativeProcess.TASK_SCREEN_INITIATIVE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access log's retention with a moved clock, the admin's search and CSV (itself logged, admins only), the
 * citizen's view of when and why their case was looked at (tracking page and data download, no staff names), and
 * the privacy notice's sentence about it (ADR 0028).
 */
@LocalModeTest
class AccessLogTest {

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccessLogRetention retention;
    @Autowired AccessLogProperties properties;
    @Autowired DeadlineProperties deadlines;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void recordsOlderThanTheRetentionAreDeletedIdempotentlyAndOnTwoNodesAtOnce() throws Exception {
        assertThat(properties.retention()).isEqualTo(java.time.Period.ofMonths(6));
        // the clock held still (near the real time, so that no timer of the shared engine comes due meanwhile)
        Instant now = Instant.ofEpochMilli(System.currentTimeMillis());
        ClockUtil.setCurrentTime(Date.from(now));
        // six months before, in the municipality's calendar
        Instant cutoff = ZonedDateTime.ofInstant(now, deadlines.zone()).minusMonths(6).toInstant();
        assertThat(retention.cutoff()).isEqualTo(cutoff);
        List<Long> expired = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            expired.add(insert("retention-old", cutoff.minusSeconds(1 + i * 86_400L)));
        }
        long kept = insert("retention-kept", cutoff.plusSeconds(1));
        long atCutoff = insert("retention-kept", cutoff);

        // two nodes run the job at the same moment: both finish, together they delete each expired record once
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(retention::deleteExpired);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(retention::deleteExpired);
        int deleted = first.get() + second.get();
        assertThat(deleted).isGreaterThanOrEqualTo(expired.size());
        assertThat(count("retention-old")).isZero();
        assertThat(ids("retention-kept")).containsExactlyInAnyOrder(kept, atCutoff);

        // a later run finds nothing more; the clock two seconds on, both records have expired
        assertThat(retention.deleteExpired()).isZero();
        ClockUtil.setCurrentTime(Date.from(now.plusSeconds(2)));
        retention.deleteExpired();
        assertThat(ids("retention-kept")).isEmpty();
    }

    @Test
    void theScheduledRunIsSkippedWhileAnotherNodeHoldsItsLock() {
        Instant now = Instant.ofEpochMilli(System.currentTimeMillis());
        ClockUtil.setCurrentTime(Date.from(now));
        insert("retention-locked", retention.cutoff().minusSeconds(60));
        // another node took the job's lock a moment ago (ShedLock's row, times in the database's UTC clock)
        jdbc.update("INSERT INTO shedlock (name, lock_until, locked_at, locked_by) VALUES "
                + "('access-log-retention', TIMESTAMPADD(MINUTE, 10, UTC_TIMESTAMP(3)), UTC_TIMESTAMP(3), 'other-node') "
                + "ON DUPLICATE KEY UPDATE lock_until = VALUES(lock_until), locked_by = VALUES(locked_by)");
        try {
            retention.scheduled();
            assertThat(count("retention-locked")).isEqualTo(1);
        } finally {
            jdbc.update("UPDATE shedlock SET lock_until = UTC_TIMESTAMP(3) WHERE name = 'access-log-retention'");
        }
        // the lock released, this node's next run does the work and leaves the lock free for the next hour's run
        retention.scheduled();
        assertThat(count("retention-locked")).isZero();
        assertThat(jdbc.queryForObject("SELECT locked_by FROM shedlock WHERE name = 'access-log-retention'",
                String.class)).isNotEqualTo("other-node");
    }

    @Test
    void adminsSearchTheLogByCaseStaffAndPeriodExportItAndTheSearchIsLogged() {
        ApiClient api = new ApiClient(http);
        String caseNumber = api.submit("Adgangslog: søgning", "natur-miljoe", "jyderup", List.of()).caseNumber();
        SessionClient intake = new SessionClient(port).logIn("intake");
        assertThat(intake.get("/cases/" + caseNumber).statusCode()).isEqualTo(200);

        SessionClient admin = new SessionClient(port).logIn("admin");
        HttpResponse<String> byCase = admin.get("/adgangslog?sag=" + caseNumber.toLowerCase());
        assertThat(byCase.statusCode()).isEqualTo(200);
        assertThat(byCase.body()).contains("Log over medarbejderes opslag", "6 måneder", ">intake<", ">Set<",
                "Opgaven »Visitér initiativ«", caseNumber);
        // the search itself is in the log: the admin, the case searched for, the criteria
        assertThat(jdbc.queryForList("SELECT kind FROM staff_access_log WHERE user_id = 'admin' AND case_number = ?"
                + " AND purpose = 'log-review' AND detail = ?", String.class, caseNumber, "case=" + caseNumber))
                .contains("SEARCH");

        String today = Instant.now().atZone(deadlines.zone()).toLocalDate().toString();
        HttpResponse<String> byStaff = admin.get("/adgangslog?medarbejder=intake&fra=" + today + "&til=" + today
                + "&lang=en");
        assertThat(byStaff.body()).contains("Log of staff lookups", caseNumber, "The task “Screen the initiative”")
                .doesNotContain(">admin<");
        assertThat(admin.get("/adgangslog?medarbejder=intake&til=2000-01-01&lang=da").body()).contains("Ingen opslag");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM staff_access_log WHERE user_id = 'admin'"
                + " AND case_number IS NULL AND detail = ?", Long.class, "staff=intake to=2000-01-01")).isOne();
        // (the language chosen is kept in a cookie: Danish again from here)

        HttpResponse<String> csv = admin.get("/adgangslog.csv?sag=" + caseNumber);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("adgangslog.csv");
        assertThat(csv.body()).startsWith("\uFEFFTidspunkt;Medarbejder;Sag;Hvad;Formål;Detaljer\r\n")
                .contains(";intake;" + caseNumber + ";Set;Opgaven »Visitér initiativ«;");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM staff_access_log WHERE user_id = 'admin'"
                + " AND case_number = ? AND kind = 'EXPORT'", Long.class, caseNumber)).isOne();

        // bad input: the field's message in the user's language, nothing searched, nothing logged
        long before = reviews();
        HttpResponse<String> bad = admin.get("/adgangslog?sag=hej&fra=1.12.2026&til=");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Skriv et sagsnummer som INI-2026-00001.",
                "Skriv datoen som år-måned-dag, fx 2026-12-01.", "aria-invalid=\"true\"");
        assertThat(admin.get("/adgangslog?fra=2026-12-02&til=2026-12-01&lang=en").body())
                .contains("The to date must be after the from date.");
        assertThat(reviews()).isEqualTo(before);

        // other roles: 403 (the page and the export), anonymous: the login
        for (String user : List.of("intake", "contact", "manager", "fund")) {
            SessionClient other = new SessionClient(port).logIn(user);
            assertThat(other.get("/adgangslog").statusCode()).as(user).isEqualTo(403);
            assertThat(other.get("/adgangslog.csv").statusCode()).as(user).isEqualTo(403);
        }
        // anonymous: refused (401 to a client that does not ask for HTML, the login page to a browser)
        assertThat(new SessionClient(port).get("/adgangslog").statusCode()).isIn(302, 401);
    }

    @Test
    void theCitizenSeesWhenAndWhyTheirCaseWasLookedAtWithoutStaffNames() {
        ApiClient api = new ApiClient(http);
        ApiClient.Submitted submitted = api.submit("Adgangslog: borgerens indsigt", "natur-miljoe", "jyderup",
                List.of());
        SessionClient tracking = new SessionClient(port);
        assertThat(section(tracking.get("/track/" + submitted.token()).body()))
                .contains("Ingen medarbejdere har set oplysningerne i din sag endnu.");

        SessionClient intake = new SessionClient(port).logIn("intake");
        intake.get("/cases/" + submitted.caseNumber());
        api.as("admin").getForEntity("/api/initiatives/" + submitted.caseNumber(), String.class);

        String lookups = section(tracking.get("/track/" + submitted.token()).body());
        assertThat(lookups).contains("Hvornår medarbejdere har set din sag", "Opgaven »Visitér initiativ«",
                "Administration af sagerne", ">Set<");
        assertThat(cells(lookups)).as("only when, what and why").allSatisfy(cell -> assertThat(cell)
                .isNotIn("intake", "admin"));
        assertThat(lookups).doesNotContain(">intake<", ">admin<");
        assertThat(section(tracking.get("/track/" + submitted.token() + "?lang=en").body()))
                .contains("When staff looked at your case", "The task “Screen the initiative”",
                        "Administration of the cases", ">Viewed<");

        // the data download (right of access): every lookup with when, what and why, and nothing else
        ResponseEntity<Map> data = http.getForEntity("/track/" + submitted.token() + "/data.json", Map.class);
        assertThat(data.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> staffLookups = (List<Map<String, Object>>) data.getBody().get("staffLookups");
        assertThat(staffLookups).hasSizeGreaterThanOrEqualTo(2);
        assertThat(staffLookups).allSatisfy(lookup -> assertThat(lookup.keySet())
                .isEqualTo(Set.of("at", "kind", "purpose")));
        assertThat(staffLookups).extracting(lookup -> lookup.get("purpose"))
                .contains("Opgaven »Visitér initiativ«", "Administration af sagerne");
    }

    @Test
    void thePrivacyNoticeSaysWhatTheLogDoesWithTheConfiguredRetention() {
        String danish = new SessionClient(port).get("/privacy").body();
        assertThat(danish).contains("id=\"privacy-access-log\"", "Hver gang en medarbejder ser, søger frem eller"
                + " henter oplysninger fra din sag, skriver vi ned hvem, hvornår, hvad og til hvilket formål.",
                "Loggen gemmes i 6 måneder og slettes derefter.", "uden medarbejdernes navne")
                .doesNotContain("Vi logger, når medarbejdere ser dine oplysninger.");
        String english = new SessionClient(port).get("/privacy?lang=en").body();
        assertThat(english).contains("The log is kept for 6 months and then deleted.",
                "without the names of staff").doesNotContain("We log when staff look at your data.");
    }

    private long insert(String user, Instant at) {
        jdbc.update("INSERT INTO staff_access_log (accessed_at, user_id, case_number, kind, purpose)"
                + " VALUES (?, ?, 'INI-2000-00001', 'VIEW', 'role.admin')", Timestamp.from(at), user);
        return jdbc.queryForObject("SELECT MAX(id) FROM staff_access_log WHERE user_id = ?", Long.class, user);
    }

    private long reviews() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM staff_access_log WHERE purpose = 'log-review'", Long.class);
    }

    private long count(String user) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM staff_access_log WHERE user_id = ?", Long.class, user);
    }

    private List<Long> ids(String user) {
        return jdbc.queryForList("SELECT id FROM staff_access_log WHERE user_id = ?", Long.class, user);
    }

    /** The tracking page's section on staff lookups. */
    private static String section(String page) {
        int start = page.indexOf("id=\"lookups\"");
        assertThat(start).as("the lookups section").isPositive();
        return page.substring(start, page.indexOf("</section>", start));
    }

    private static List<String> cells(String html) {
        List<String> cells = new ArrayList<>();
        Matcher matcher = Pattern.compile("<td[^>]*>(?:<time[^>]*>)?([^<]*)").matcher(html);
        while (matcher.find()) {
            cells.add(matcher.group(1).strip());
        }
        return cells;
    }
}
