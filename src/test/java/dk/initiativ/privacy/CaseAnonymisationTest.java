package dk.initiativ.privacy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import dk.initiativ.attachment.Attachments;
import dk.initiativ.attachment.CheckedFile;
import dk.initiativ.dashboard.DashboardScope;
import dk.initiativ.dashboard.DashboardSection;
import dk.initiativ.dashboard.DashboardTable;
import dk.initiativ.initiative.Outcome;
import dk.initiativ.process.InitiativeProcess;
import dk.initiativ.support.ApiClient;
import dk.initiativ.support.LocalModeTest;
import dk.initiativ.support.SessionClient;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static dk.initiativ.process.InitiativeProcess.TASK_ACCEPT_CASE;
import static dk.initiativ.process.InitiativeProcess.TASK_CLOSE_CASE;
import static dk.initiativ.process.InitiativeProcess.TASK_DECIDE_FUNDING;
import static dk.initiativ.process.InitiativeProcess.TASK_FIRST_CONTACT;
import static dk.initiativ.process.InitiativeProcess.TASK_FOLLOW_UP;
import static dk.initiativ.process.InitiativeProcess.TASK_PLAN_SUPPORT;
import static dk.initiativ.process.InitiativeProcess.TASK_SCREEN_INITIATIVE;
import static dk.initiativ.support.ApiClient.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention (ADR 0032): a case lived 30 months ago (the one clock moved back) with everything a person can write,
 * closed as realised; back in the present, the job anonymises it. Then no text or blob column of any table, ours or
 * the engine's (found in information_schema, not listed here), holds the citizen's name, e-mail, phone or any
 * sentence written about the case, while every dashboard table for the case's period is what it was before.
 */
@LocalModeTest
class CaseAnonymisationTest {

    /** The column types that can hold a person's words or a file. */
    private static final Set<String> TEXT_TYPES = Set.of("char", "varchar", "tinytext", "text", "mediumtext",
            "longtext", "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob", "json");

    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired Attachments attachments;
    @Autowired PlatformTransactionManager transactions;
    @Autowired CaseAnonymisation job;
    @Autowired List<DashboardSection> sections;
    @LocalServerPort int port;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** A marker in every text of one case, so that the scan finds this case's words and no other test's. */
    private static String marker() {
        return "zq" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36);
    }

    @Test
    void aClosedCaseLosesEveryWordOfItsPeopleAndKeepsEveryFigure() throws Exception {
        String m = marker();
        String phone = "+45 7" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
        String phoneDigits = phone.replace(" ", "");
        ZonedDateTime then = ZonedDateTime.now(ZoneId.of("Europe/Copenhagen")).minusMonths(30);
        ClockUtil.setCurrentTime(Date.from(then.toInstant()));

        ApiClient api = new ApiClient(http);
        Map<String, Object> body = new HashMap<>(Map.of("title", "Bænke ved åen " + m,
                "description", "Vi vil sætte bænke op langs åen, så de ældre kan hvile sig " + m + ".",
                "topic", "natur-miljoe", "district", "jyderup", "contactName", "Ingrid Anonymsen" + m,
                "contactEmail", "ingrid." + m + "@example.org", "consent", true,
                "helpWanted", List.of("FUNDING")));
        body.putAll(Map.of("contactPhone", phone, "applicantKind", "GROUP", "groupName", "Åens venner " + m,
                "expectedTimeline", "Til foråret " + m, "estimatedBudget", 30000, "publicationConsent", false,
                "profileAgeBand", "FROM_67", "profileDistrict", "jyderup"));
        ResponseEntity<Map> submitted = http.postForEntity("/api/initiatives", new HttpEntity<>(body, ApiClient.json()),
                Map.class);
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNumber = (String) submitted.getBody().get("caseNumber");
        String token = (String) submitted.getBody().get("trackingToken");
        byte[] letter = ("%PDF-1.4\n% brev fra " + m + "\n").getBytes(StandardCharsets.US_ASCII);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(letter));
        new TransactionTemplate(transactions).executeWithoutResult(status -> attachments.store(caseNumber,
                List.of(new CheckedFile("brev-" + m + ".pdf", "application/pdf", letter, sha))));

        // intake asks, the citizen answers, intake accepts
        ok(api.post("intake", "/api/tasks/" + api.task("intake", caseNumber, TASK_SCREEN_INITIATIVE) + "/screening",
                Map.of("decision", "request-information", "note", "Hvor langs åen tænker I? " + m)));
        assertThat(http.postForEntity("/api/citizen/" + token + "/answer", new HttpEntity<>(Map.of("answer",
                "Fra broen til møllen " + m), ApiClient.json()), Void.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        ok(api.post("intake", "/api/tasks/" + api.task("intake", caseNumber, TASK_SCREEN_INITIATIVE) + "/screening",
                Map.of("decision", "accept")));
        String contact = (String) api.initiative(caseNumber).get("contactPerson");
        ok(api.post(contact, "/api/tasks/" + api.task(contact, caseNumber, TASK_ACCEPT_CASE) + "/acceptance",
                Map.of("accepted", true)));
        ok(api.post(contact, "/api/tasks/" + api.task(contact, caseNumber, TASK_FIRST_CONTACT) + "/agreement",
                Map.of("willDo", "Søge puljen " + m, "willNotDo", "Male bænkene " + m,
                        "whoDoesWhat", "Foreningen bygger " + m, "nextSteps", "Vi mødes ved åen " + m)));
        // messages both ways and an internal note
        assertThat(http.postForEntity("/api/citizen/" + token + "/messages", new HttpEntity<>(Map.of("body",
                "Kan vi låne en trailer? " + m), ApiClient.json()), Void.class).getStatusCode().is2xxSuccessful())
                .isTrue();
        assertThat(api.post(contact, "/api/initiatives/" + caseNumber + "/messages",
                Map.of("body", "Ja, ring til materielgården " + m)).getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(api.post(contact, "/api/initiatives/" + caseNumber + "/notes",
                Map.of("body", "Ingrid virker meget engageret " + m)).getStatusCode().is2xxSuccessful()).isTrue();
        // funding, granted; a follow-up; closed as realised with a message
        ok(api.post(contact, "/api/tasks/" + api.task(contact, caseNumber, TASK_PLAN_SUPPORT) + "/support-plan",
                Map.of("funding", true, "fundingPool", "groen-pulje", "fundingAmount", 30000,
                        "fundingPurpose", "Træ og skruer " + m, "permits", false, "partners", false,
                        "political", false)));
        // the demo pool is shared by every test of the run: room for this grant, whatever the others granted
        jdbc.update("UPDATE funding_pool SET total_budget = total_budget + 25000, budget_left = budget_left + 25000"
                + " WHERE code = 'groen-pulje'");
        ok(api.post("admin", "/api/tasks/" + api.task("admin", caseNumber, TASK_DECIDE_FUNDING) + "/funding-decision",
                Map.of("granted", true, "amount", 25000)));
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .singleResult().getId();
        Job timer = managementService.createJobQuery().processInstanceId(instance)
                .activityId(InitiativeProcess.TIMER_FOLLOW_UP_DUE).singleResult();
        managementService.executeJob(timer.getId());
        ok(api.post(contact, "/api/tasks/" + api.task(contact, caseNumber, TASK_FOLLOW_UP) + "/follow-up",
                Map.of("progressPercent", 100, "milestone", "Bænkene står " + m, "done", true)));
        ok(api.post(contact, "/api/tasks/" + api.task(contact, caseNumber, TASK_CLOSE_CASE) + "/closure",
                Map.of("outcome", "REALISED", "message", "Tak for bænkene " + m)));
        // the citizen answers the survey on the tracking page (a form with the session's CSRF token)
        SessionClient citizen = new SessionClient(port);
        String csrf = citizen.csrfTokenOf("/track/" + token + "/survey");
        HttpResponse<String> survey = citizen.postForm("/track/" + token + "/survey",
                Map.of("_csrf", csrf, "rating", "5", "comment", "Et godt samarbejde " + m));
        assertThat(survey.statusCode()).isEqualTo(302);

        // back in the present, held still while the figures are read before and after
        ClockUtil.setCurrentTime(new Date());
        List<String> needles = List.of(m, phone, phoneDigits);
        Map<String, Long> before = scan(needles);
        // the scan sees the words where they were: ours and the engine's tables, the attachment's bytes
        assertThat(before.keySet()).contains("initiative.contact_name", "initiative.contact_phone",
                "case_message.body", "case_note.body", "agreement.will_do", "case_survey.comment",
                "attachment.content", "information_request.answer", "mail_outbox.content");
        assertThat(before.keySet()).anyMatch(column -> column.startsWith("ACT_HI_"));
        Map<String, List<DashboardTable>> figuresBefore = figures(then.toLocalDate());

        assertThat(job.anonymiseDue()).isPositive();

        assertThat(scan(needles)).as("columns that still hold the citizen's words").isEmpty();
        // every figure is the same; the one table that quotes the citizens (the survey comments) lost this comment
        Map<String, List<DashboardTable>> figuresAfter = figures(then.toLocalDate());
        assertThat(comments(figuresBefore)).anyMatch(comment -> comment.contains(m));
        assertThat(comments(figuresAfter)).noneMatch(comment -> comment.contains(m));
        assertThat(withoutComments(figuresAfter)).isEqualTo(withoutComments(figuresBefore));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM attachment a JOIN initiative i ON i.id = a.initiative_id"
                + " WHERE i.case_number = ?", Integer.class, caseNumber)).isZero();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count())
                .isZero();
        // kept: what the figures are made of
        assertThat(jdbc.queryForMap("SELECT topic, district, outcome, profile_age_band, tracking_salt, contact_email"
                + " FROM initiative WHERE case_number = ?", caseNumber)).containsEntry("topic", "natur-miljoe")
                .containsEntry("district", "jyderup").containsEntry("outcome", "REALISED")
                .containsEntry("profile_age_band", "FROM_67").containsEntry("tracking_salt", null)
                .containsEntry("contact_email", null);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_event e JOIN initiative i ON i.id = e.initiative_id"
                + " WHERE i.case_number = ? AND e.type = 'CLOSED'", Integer.class, caseNumber)).isEqualTo(1);

        // the old link says so, in Danish and English, and nothing else about the case
        for (String language : List.of("da", "en")) {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
            headers.set(HttpHeaders.ACCEPT, "text/html");
            ResponseEntity<String> page = http.exchange("/track/" + token + "?lang=" + language, HttpMethod.GET,
                    new HttpEntity<>(headers), String.class);
            assertThat(page.getStatusCode()).isEqualTo(HttpStatus.GONE);
            assertThat(page.getBody()).contains("id=\"anonymised-title\"")
                    .contains(language.equals("da") ? "Sagen er anonymiseret" : "This case has been anonymised")
                    .doesNotContain(caseNumber);
        }
        assertThat(http.getForEntity("/api/citizen/" + token, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        // a second run finds nothing more to do for this case: the moment of anonymisation stays
        Object at = jdbc.queryForObject("SELECT anonymised_at FROM initiative WHERE case_number = ?", Object.class,
                caseNumber);
        job.anonymiseDue();
        assertThat(jdbc.queryForObject("SELECT anonymised_at FROM initiative WHERE case_number = ?", Object.class,
                caseNumber)).isEqualTo(at);
    }

    @Test
    void aCaseIsKeptUntilItsOutcomesPeriodHasPassed() {
        ApiClient api = new ApiClient(http);
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Europe/Copenhagen"));
        // a withdrawn case keeps its data 6 months after closure: one withdrawn 5 months ago, one 7 months ago
        ClockUtil.setCurrentTime(Date.from(now.minusMonths(5).toInstant()));
        ApiClient.Submitted recent = api.submit("Bevaring: nylig " + marker(), "natur-miljoe", "jyderup", List.of());
        withdraw(recent.token());
        ClockUtil.setCurrentTime(Date.from(now.minusMonths(7).toInstant()));
        ApiClient.Submitted old = api.submit("Bevaring: gammel " + marker(), "natur-miljoe", "jyderup", List.of());
        withdraw(old.token());
        ClockUtil.reset();

        job.anonymiseDue();

        assertThat(anonymised(recent.caseNumber())).isFalse();
        assertThat(anonymised(old.caseNumber())).isTrue();
    }

    @Test
    void twoRunsAtOnceAnonymiseEachCaseOnceAndNeitherFails() throws Exception {
        ApiClient api = new ApiClient(http);
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.now().minusMonths(8).toInstant()));
        List<String> caseNumbers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ApiClient.Submitted submitted = api.submit("To noder " + i + " " + marker(), "natur-miljoe", "jyderup",
                    List.of());
            withdraw(submitted.token());
            caseNumbers.add(submitted.caseNumber());
        }
        ClockUtil.reset();
        int due = due();
        assertThat(due).isGreaterThanOrEqualTo(caseNumbers.size());

        CyclicBarrier start = new CyclicBarrier(2);
        Callable<Integer> run = () -> {
            start.await();
            return job.anonymiseDue();
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = threads.submit(run);
            Future<Integer> second = threads.submit(run);
            // each due case is anonymised by exactly one of the two runs, and neither run fails
            assertThat(first.get() + second.get()).isEqualTo(due);
        } finally {
            threads.shutdownNow();
        }
        caseNumbers.forEach(caseNumber -> assertThat(anonymised(caseNumber)).as(caseNumber).isTrue());
        assertThat(due()).isZero();
    }

    @Test
    void theScheduledRunWaitsWhileAnotherNodeHoldsTheJobsLock() {
        ApiClient api = new ApiClient(http);
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.now().minusMonths(8).toInstant()));
        ApiClient.Submitted submitted = api.submit("Låst job " + marker(), "natur-miljoe", "jyderup", List.of());
        withdraw(submitted.token());
        ClockUtil.reset();
        // another node runs the job now (ShedLock's row, in the database's UTC clock, ADR 0029)
        jdbc.update("INSERT INTO shedlock (name, lock_until, locked_at, locked_by) VALUES ('case-anonymisation',"
                + " TIMESTAMPADD(MINUTE, 10, UTC_TIMESTAMP(3)), UTC_TIMESTAMP(3), 'other-node')"
                + " ON DUPLICATE KEY UPDATE lock_until = VALUES(lock_until), locked_by = VALUES(locked_by)");
        try {
            job.scheduled();
            assertThat(anonymised(submitted.caseNumber())).isFalse();
        } finally {
            jdbc.update("UPDATE shedlock SET lock_until = UTC_TIMESTAMP(3) WHERE name = 'case-anonymisation'");
        }
        job.scheduled();
        assertThat(anonymised(submitted.caseNumber())).isTrue();
    }

    /** The cases due for anonymisation now, over all outcomes. */
    private int due() {
        int due = 0;
        for (Outcome outcome : Outcome.values()) {
            due += jdbc.queryForObject("SELECT COUNT(*) FROM initiative WHERE anonymise_pending = 1 AND closed_at < ?"
                    + " AND outcome = ?", Integer.class, Timestamp.from(job.cutoff(outcome)), outcome.name());
        }
        return due;
    }

    private void withdraw(String token) {
        assertThat(http.postForEntity("/api/citizen/" + token + "/withdrawal", new HttpEntity<>(Map.of(),
                ApiClient.json()), Void.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private boolean anonymised(String caseNumber) {
        return jdbc.queryForObject("SELECT anonymised_at IS NOT NULL FROM initiative WHERE case_number = ?",
                Boolean.class, caseNumber);
    }

    /**
     * Every text and blob column of every table in the database (ours and the engine's, as information_schema lists
     * them) that holds one of the needles, with how many rows do.
     */
    private Map<String, Long> scan(List<String> needles) {
        List<Map<String, Object>> columns = jdbc.queryForList("SELECT table_name, column_name, data_type"
                + " FROM information_schema.columns c WHERE c.table_schema = DATABASE()"
                + " AND EXISTS (SELECT 1 FROM information_schema.tables t WHERE t.table_schema = c.table_schema"
                + " AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE')");
        Map<String, Long> found = new LinkedHashMap<>();
        int scanned = 0;
        for (Map<String, Object> column : columns) {
            if (!TEXT_TYPES.contains(String.valueOf(column.get("data_type")).toLowerCase(Locale.ROOT))) {
                continue;
            }
            scanned++;
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            StringBuilder where = new StringBuilder();
            List<Object> args = new ArrayList<>();
            for (String needle : needles) {
                where.append(where.isEmpty() ? "" : " OR ").append("INSTR(`").append(name).append("`, ?) > 0");
                args.add(needle.getBytes(StandardCharsets.UTF_8));
            }
            long rows = jdbc.queryForObject("SELECT COUNT(*) FROM `" + table + "` WHERE " + where, Long.class,
                    args.toArray());
            if (rows > 0) {
                found.put(table + "." + name, rows);
            }
        }
        assertThat(scanned).as("text and blob columns scanned").isGreaterThan(100);
        return found;
    }

    /** The texts of the dashboard's table of survey comments. */
    private static List<String> comments(Map<String, List<DashboardTable>> figures) {
        return figures.values().stream().flatMap(List::stream).filter(table -> table.id().equals(COMMENTS))
                .flatMap(table -> table.rows().stream()).flatMap(List::stream)
                .filter(DashboardTable.Text.class::isInstance).map(cell -> ((DashboardTable.Text) cell).value())
                .toList();
    }

    /** The tables of figures: all but the one that quotes the citizens' survey comments. */
    private static Map<String, List<DashboardTable>> withoutComments(Map<String, List<DashboardTable>> figures) {
        Map<String, List<DashboardTable>> kept = new LinkedHashMap<>();
        figures.forEach((section, tables) -> kept.put(section, tables.stream()
                .filter(table -> !table.id().equals(COMMENTS)).toList()));
        return kept;
    }

    private static final String COMMENTS = "outcomes-comments";

    /** Every dashboard table for all teams over the period from the case's month to today, in Danish. */
    private Map<String, List<DashboardTable>> figures(LocalDate from) {
        DashboardScope scope = new DashboardScope(from.withDayOfMonth(1), LocalDate.now(ZoneId.of("Europe/Copenhagen")),
                Set.of(), Optional.empty(), Optional.empty());
        Map<String, List<DashboardTable>> figures = new LinkedHashMap<>();
        for (DashboardSection section : sections) {
            figures.put(section.getClass().getSimpleName(), section.tables(scope, Locale.forLanguageTag("da")));
        }
        assertThat(figures).isNotEmpty();
        return figures;
    }
}
