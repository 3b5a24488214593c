package dk.initiativ.cluster;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.initiativ.support.KeycloakTestServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import static dk.initiativ.cluster.Browser.node;
import static dk.initiativ.cluster.Cluster.NODE_A;
import static dk.initiativ.cluster.Cluster.NODE_B;
import static dk.initiativ.cluster.Cluster.log;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes from the production jar behind nginx on one MariaDB, Keycloak and GreenMail ({@link Cluster}): what
 * must hold when any request may land on any node, and when a node dies (issue 14, ADR 0034). Run by
 * {@code ./mvnw -Pcluster verify} (after the README's test command in {@code .ci/run}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = KeycloakTestServer.DEMO_PASSWORD;

    private final long startedAt = System.nanoTime();
    private Cluster cluster;
    private String base;

    @BeforeAll
    void startCluster() throws Exception {
        Path target = Path.of(System.getProperty("user.dir"), "target");
        Path jar = Path.of(System.getProperty("cluster.jar", target.resolve("initiativ-0.1.0-SNAPSHOT.jar").toString()));
        cluster = new Cluster(target.resolve("cluster"), jar);
        cluster.start();
        base = cluster.publicUrl();
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
        log("cluster test took %d s in all", Cluster.seconds(startedAt));
    }

    // --- 1. sessions --------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void theFormOpenedOnOneNodeIsPostedOnTheOther() throws Exception {
        Browser citizen = new Browser(base, "198.51.100.1");
        HttpResponse<String> form = citizen.get("/?lang=da");
        assertThat(form.statusCode()).isEqualTo(200);
        String csrf = Browser.find(Browser.CSRF, form.body());
        String key = Browser.find(Browser.FORM_KEY, form.body());

        Map<String, Object> fields = formFields("Bænk ved søen på tværs af noder", "else.noder@example.org");
        fields.put("_csrf", csrf);
        fields.put("submissionKey", key);
        HttpResponse<String> posted = citizen.postMultipart("/", fields);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
        assertThat(node(posted)).as("posted on the other node").isNotEqualTo(node(form));
        assertThat(posted.headers().firstValue("Location").orElse("")).endsWith("/receipt");

        HttpResponse<String> receipt = citizen.get("/receipt");
        HttpResponse<String> again = citizen.get("/receipt");
        assertThat(Set.of(node(receipt), node(again))).as("the receipt on both nodes").hasSize(2);
        String caseNumber = caseNumberOfTitle("Bænk ved søen på tværs af noder");
        assertThat(receipt.body()).contains(caseNumber);
        assertThat(again.body()).contains(caseNumber);
        assertThat(count("SELECT COUNT(*) FROM initiative WHERE title = ?", "Bænk ved søen på tværs af noder"))
                .as("one case").isEqualTo(1);
        awaitMails(List.of("else.noder@example.org"), "Tak for dit initiativ", Duration.ofSeconds(60));
        assertThat(mails("else.noder@example.org", "Tak for dit initiativ")).as("one receipt mail").isEqualTo(1);
    }

    @Test
    @Order(2)
    void aStaffLoginHoldsOnBothNodesAndLogoutEndsIt() throws Exception {
        Browser staff = new Browser(base, "198.51.100.2");
        HttpResponse<String> start = staff.get("/oauth2/authorization/keycloak");
        assertThat(start.statusCode()).isEqualTo(302);
        HttpResponse<String> loginPage = staff.get(start.headers().firstValue("Location").orElseThrow());
        assertThat(loginPage.statusCode()).as(loginPage.body()).isEqualTo(200);
        String loginForm = Browser.find(java.util.regex.Pattern.compile("(<form[^>]*kc-form-login[^>]*>)"),
                loginPage.body());
        String action = Browser.find(java.util.regex.Pattern.compile("action=\"([^\"]+)\""), loginForm)
                .replace("&amp;", "&");
        HttpResponse<String> credentials = staff.postForm(action, Map.of("username", "intake", "password", PASSWORD,
                "credentialId", ""));
        assertThat(credentials.statusCode()).as(credentials.body()).isIn(302, 303);
        String callback = credentials.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(base + "/login/oauth2/code/keycloak");
        HttpResponse<String> landed = staff.get(callback);
        assertThat(landed.statusCode()).as("the code is taken on node %s, the login began on node %s", node(landed),
                node(start)).isEqualTo(302);
        assertThat(landed.headers().firstValue("Location").orElse("")).doesNotContain("error");

        Set<String> servedBy = new HashSet<>();
        String logoutCsrf = null;
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> inbox = staff.get("/indbakke");
            assertThat(inbox.statusCode()).as("the inbox on node %s", node(inbox)).isEqualTo(200);
            servedBy.add(node(inbox));
            logoutCsrf = Browser.find(Browser.CSRF, inbox.body());
        }
        assertThat(servedBy).as("logged in on both nodes").containsExactlyInAnyOrder(String.valueOf(NODE_A),
                String.valueOf(NODE_B));

        HttpResponse<String> logout = staff.postForm("/logout", Map.of("_csrf", logoutCsrf));
        assertThat(logout.statusCode()).isEqualTo(302);
        Set<String> refusedBy = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> inbox = staff.get("/indbakke");
            assertThat(inbox.statusCode()).as("after logout, node %s", node(inbox)).isEqualTo(302);
            refusedBy.add(node(inbox));
        }
        assertThat(refusedBy).as("logged out on both nodes").hasSize(2);
    }

    // --- 5. the rate limit ---------------------------------------------------------------------------------------

    @Test
    @Order(3)
    void theRateLimitHoldsForBothNodesTogether() throws Exception {
        Browser client = new Browser(base, "198.51.100.5");
        Map<Integer, Integer> statuses = new HashMap<>();
        Set<String> nodes = new HashSet<>();
        for (int i = 0; i < 14; i++) {
            HttpResponse<String> answer = client.postJson("/api/initiatives",
                    submissionJson("Grænse " + i, "graense" + i + "@example.org"), null, null);
            statuses.merge(answer.statusCode(), 1, Integer::sum);
            nodes.add(node(answer));
        }
        log("rate limit: 14 submissions from one address through both nodes: %s", statuses);
        assertThat(nodes).hasSize(2);
        // the default capacity (initiativ.submissions.rate-limit.capacity: 10) once, not once per node
        assertThat(statuses).containsEntry(201, 10).containsEntry(429, 4);
    }

    // --- 3. the same task on both nodes at once ------------------------------------------------------------------

    @Test
    @Order(4)
    void theSameTaskCompletedOnBothNodesAtOnceSucceedsOnce() throws Exception {
        // several rounds, each a task of its own: both calls check intake's password with Keycloak at the same
        // moment (with brute-force detection on, Keycloak refused the second one until allowed concurrent requests)
        // and race for the task on both nodes
        List<String> rounds = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            String caseNumber = submit("Samtidig visitation " + round, "samtidig" + round + "@example.org",
                    "198.51.100.3" + round);
            String taskId = awaitScreeningTasks(Set.of(caseNumber)).get(caseNumber);
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService two = Executors.newFixedThreadPool(2);
            try {
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    Browser intake = new Browser(base, "198.51.10" + round + ".4" + i);
                    answers.add(two.submit(() -> {
                        go.await();
                        return intake.postJson("/api/tasks/" + taskId + "/screening", "{\"decision\":\"accept\"}",
                                "intake", PASSWORD);
                    }));
                }
                go.countDown();
                HttpResponse<String> first = answers.get(0).get(2, TimeUnit.MINUTES);
                HttpResponse<String> second = answers.get(1).get(2, TimeUnit.MINUTES);
                rounds.add(first.statusCode() + " from " + node(first) + ", " + second.statusCode() + " from "
                        + node(second));
                assertThat(Set.of(node(first), node(second))).as("round %d: %s", round, rounds).hasSize(2);
                assertThat(List.of(first.statusCode(), second.statusCode())).as("round %d: %s", round, rounds)
                        .containsExactlyInAnyOrder(204, 409);
            } finally {
                two.shutdownNow();
            }
        }
        log("the same task on both nodes at once, %d rounds: %s", rounds.size(), rounds);
    }

    // --- 2. timers and mails once --------------------------------------------------------------------------------

    @Test
    @Order(5)
    void fiftyRemindersAreMailedOnceEach() throws Exception {
        Map<String, String> emailOfCase = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            String email = "paamindelse" + i + "@example.org";
            emailOfCase.put(submit("Påmindelse " + i, email, "10.2.0." + i), email);
        }
        Map<String, String> tasks = awaitScreeningTasks(emailOfCase.keySet());
        Browser intake = new Browser(base, "198.51.100.20");
        for (Map.Entry<String, String> task : tasks.entrySet()) {
            HttpResponse<String> asked = intake.postJson("/api/tasks/" + task.getValue() + "/screening",
                    "{\"decision\":\"request-information\",\"note\":\"Hvor præcis skal det ligge?\"}", "intake", PASSWORD);
            assertThat(asked.statusCode()).as(asked.body()).isEqualTo(204);
        }
        // the reminder is due at once (INITIATIV_DEADLINES_INFORMATION_REMINDER=0): both nodes' job executors race
        // for the 50 timers, and both nodes' outbox pollers for the 50 mails
        long waiting = System.nanoTime();
        awaitMails(emailOfCase.values(), "Påmindelse", Duration.ofMinutes(3));
        long arrived = Cluster.seconds(waiting);
        Thread.sleep(5_000);
        Map<String, Integer> reminders = mailCounts("Påmindelse");
        int total = 0;
        for (String email : emailOfCase.values()) {
            assertThat(reminders.get(email)).as("reminders to %s", email).isEqualTo(1);
            total += reminders.get(email);
        }
        log("reminders: %d cases, %d reminder mails, each once; all arrived within %d s of the last question",
                emailOfCase.size(), total, arrived);
    }

    // --- 4. kill -9 under load -----------------------------------------------------------------------------------

    @Test
    @Order(6)
    void aNodeKilledUnderLoadLosesNothingThatWasAnsweredAndRejoins() throws Exception {
        int clients = 6;
        Duration loadFor = Duration.ofSeconds(30);
        Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger afterKillBySurvivor = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService load = Executors.newFixedThreadPool(clients);
        long began = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            load.submit(() -> {
                for (int n = 0; !stop.get(); n++) {
                    String title = "Last " + client + "-" + n;
                    String email = "last-" + client + "-" + n + "@example.org";
                    String address = "10.4." + client + "." + (n % 250);
                    Outcome outcome = client % 2 == 0 ? viaForm(title, email, address) : viaApi(title, email, address);
                    outcomes.put(title, outcome);
                    if (killed.get() && outcome.answered() && outcome.node().equals(String.valueOf(NODE_A))) {
                        afterKillBySurvivor.incrementAndGet();
                    }
                }
                return null;
            });
        }
        Thread.sleep(loadFor.toMillis() / 3);
        cluster.kill(NODE_B);
        killed.set(true);
        Thread.sleep(Math.max(0, loadFor.toMillis() - Duration.ofNanos(System.nanoTime() - began).toMillis()));
        stop.set(true);
        load.shutdown();
        assertThat(load.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

        long restarting = System.nanoTime();
        cluster.startNode(NODE_B);
        cluster.awaitReady(NODE_B);
        long restartSeconds = Cluster.seconds(restarting);

        // every answered submission: one row, one process instance, its receipt mail
        List<Outcome> answered = outcomes.values().stream().filter(Outcome::answered).toList();
        List<Outcome> unanswered = outcomes.values().stream().filter(o -> !o.answered()).toList();
        for (Outcome outcome : answered) {
            assertThat(count("SELECT COUNT(*) FROM initiative WHERE title = ?", outcome.title())).as(outcome.title())
                    .isEqualTo(1);
        }
        int storedUnanswered = 0;
        for (Outcome outcome : unanswered) {
            int rows = count("SELECT COUNT(*) FROM initiative WHERE title = ?", outcome.title());
            assertThat(rows).as("an unanswered submission exists once or not at all: %s", outcome).isBetween(0, 1);
            storedUnanswered += rows;
        }
        int rowsWithoutProcess = count("SELECT COUNT(*) FROM initiative i WHERE i.title LIKE 'Last %' AND NOT EXISTS"
                + " (SELECT 1 FROM ACT_HI_PROCINST p WHERE p.BUSINESS_KEY_ = i.case_number)");
        int processesWithoutRow = count("SELECT COUNT(*) FROM ACT_HI_PROCINST p WHERE NOT EXISTS"
                + " (SELECT 1 FROM initiative i WHERE i.case_number = p.BUSINESS_KEY_)");
        int rowsWithoutReceipt = count("SELECT COUNT(*) FROM initiative i WHERE i.title LIKE 'Last %' AND NOT EXISTS"
                + " (SELECT 1 FROM mail_outbox m WHERE m.recipient = i.contact_email)");
        int processesPerRow = count("SELECT COUNT(*) FROM (SELECT p.BUSINESS_KEY_ FROM ACT_HI_PROCINST p JOIN initiative i"
                + " ON i.case_number = p.BUSINESS_KEY_ WHERE i.title LIKE 'Last %' GROUP BY p.BUSINESS_KEY_"
                + " HAVING COUNT(*) > 1) twice");
        long mailsWaiting = System.nanoTime();
        int duplicateReceipts = 0;
        awaitMails(answered.stream().map(Outcome::email).toList(), "Tak for dit initiativ", Duration.ofSeconds(90));
        long receiptsArrived = Cluster.seconds(mailsWaiting);
        Thread.sleep(3_000);
        Map<String, Integer> receipts = mailCounts("Tak for dit initiativ");
        for (Outcome outcome : answered) {
            duplicateReceipts += receipts.get(outcome.email()) - 1;
        }

        // the killed node is back in the rotation
        Browser after = new Browser(base, "198.51.100.40");
        Set<String> servedBy = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> page = after.get("/?lang=da");
            assertThat(page.statusCode()).isEqualTo(200);
            servedBy.add(node(page));
        }

        Map<String, Long> byStatus = new java.util.TreeMap<>();
        outcomes.values().forEach(o -> byStatus.merge(o.status() < 0 ? "no answer (" + o.error() + ")"
                : String.valueOf(o.status()), 1L, Long::sum));
        log("kill -9 under load: %d clients for %d s through nginx, node %d killed after %d s and restarted in %d s",
                clients, loadFor.toSeconds(), NODE_B, loadFor.toSeconds() / 3, restartSeconds);
        log("  submissions sent: %d; answered (201/303): %d; not answered: %d, of which stored completely: %d,"
                        + " not stored at all: %d", outcomes.size(), answered.size(), unanswered.size(), storedUnanswered,
                unanswered.size() - storedUnanswered);
        log("  answers by status: %s", byStatus);
        log("  answered by the surviving node after the kill: %d", afterKillBySurvivor.get());
        log("  rows without a process: %d; processes without a row: %d; rows with two processes: %d;"
                        + " rows without a receipt mail in the outbox: %d", rowsWithoutProcess, processesWithoutRow,
                processesPerRow, rowsWithoutReceipt);
        log("  receipt mails of answered submissions: all %d arrived (within %d s after the restart), duplicates: %d",
                answered.size(), receiptsArrived, duplicateReceipts);
        log("  nodes answering after the restart: %s", servedBy);

        assertThat(answered).isNotEmpty();
        assertThat(afterKillBySurvivor.get()).as("the other node kept serving").isPositive();
        assertThat(rowsWithoutProcess).isZero();
        assertThat(processesWithoutRow).isZero();
        assertThat(processesPerRow).isZero();
        assertThat(rowsWithoutReceipt).isZero();
        // SMTP has no exactly-once: a mail the killed node had handed to the SMTP server but not yet marked sent is
        // sent again when its lease runs out; at most one claimed batch can be in that state
        assertThat(duplicateReceipts).isLessThanOrEqualTo(10);
        assertThat(servedBy).as("the restarted node rejoined").hasSize(2);
    }

    /** What one submission under load got back. */
    record Outcome(String title, String email, int status, String node, String error) {
        boolean answered() {
            return status == 201 || status == 303;
        }
    }

    private Outcome viaForm(String title, String email, String address) {
        Browser citizen = new Browser(base, address);
        try {
            HttpResponse<String> form = citizen.get("/?lang=da");
            if (form.statusCode() != 200) {
                return new Outcome(title, email, -1, node(form), "form " + form.statusCode());
            }
            Map<String, Object> fields = formFields(title, email);
            fields.put("_csrf", Browser.find(Browser.CSRF, form.body()));
            fields.put("submissionKey", Browser.find(Browser.FORM_KEY, form.body()));
            HttpResponse<String> posted = citizen.postMultipart("/", fields);
            return new Outcome(title, email, posted.statusCode(), node(posted), null);
        } catch (Exception e) {
            return new Outcome(title, email, -1, "?", e.getClass().getSimpleName());
        }
    }

    private Outcome viaApi(String title, String email, String address) {
        try {
            HttpResponse<String> posted = new Browser(base, address).postJson("/api/initiatives",
                    submissionJson(title, email), null, null);
            return new Outcome(title, email, posted.statusCode(), node(posted), null);
        } catch (Exception e) {
            return new Outcome(title, email, -1, "?", e.getClass().getSimpleName());
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    static Map<String, Object> formFields(String title, String email) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("description", "Vi vil bygge en bænk ved søen, så alle kan sidde og se ud over vandet.");
        fields.put("topic", "natur-miljoe");
        fields.put("district", "holbaek-by");
        fields.put("helpWanted", List.of("FUNDING"));
        fields.put("estimatedBudget", "12.000");
        fields.put("expectedTimeline", "Til sommer");
        fields.put("applicantKind", "INDIVIDUAL");
        fields.put("contactName", "Else Borger");
        fields.put("contactEmail", email);
        fields.put("consent", "true");
        return fields;
    }

    static String submissionJson(String title, String email) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("description", "Beskrivelse af " + title);
        body.put("topic", "natur-miljoe");
        body.put("district", "holbaek-by");
        body.put("contactName", "Else Borger");
        body.put("contactEmail", email);
        body.put("consent", true);
        body.put("helpWanted", List.of("FUNDING"));
        return JSON.writeValueAsString(body);
    }

    private String submit(String title, String email, String address) throws Exception {
        HttpResponse<String> answer = new Browser(base, address).postJson("/api/initiatives",
                submissionJson(title, email), null, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return JSON.readTree(answer.body()).get("caseNumber").asText();
    }

    /** The screening task of each case, from intake's work list (read through nginx, as intake). */
    private Map<String, String> awaitScreeningTasks(Set<String> caseNumbers) throws Exception {
        Browser intake = new Browser(base, "198.51.100.21");
        Map<String, String> tasks = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (tasks.size() < caseNumbers.size() && System.nanoTime() < deadline) {
            for (int first = 0; ; first += 200) {
                HttpResponse<String> page = intake.getJson("/api/tasks?first=" + first + "&max=200", "intake", PASSWORD);
                assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
                JsonNode list = JSON.readTree(page.body());
                for (JsonNode task : list) {
                    String caseNumber = task.path("caseNumber").asText();
                    if (caseNumbers.contains(caseNumber) && "Task_ScreenInitiative".equals(task.path("taskKey").asText())) {
                        tasks.put(caseNumber, task.path("taskId").asText());
                    }
                }
                if (list.size() < 200) {
                    break;
                }
            }
            if (tasks.size() < caseNumbers.size()) {
                Thread.sleep(1000);
            }
        }
        assertThat(tasks.keySet()).containsExactlyInAnyOrderElementsOf(caseNumbers);
        return tasks;
    }

    private String caseNumberOfTitle(String title) throws SQLException {
        try (Connection db = cluster.db();
                PreparedStatement query = db.prepareStatement("SELECT case_number FROM initiative WHERE title = ?")) {
            query.setString(1, title);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).as("a case titled %s", title).isTrue();
                return rows.getString(1);
            }
        }
    }

    private int count(String sql, Object... args) throws SQLException {
        try (Connection db = cluster.db(); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                query.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** How many mails GreenMail received per recipient whose subject starts so. */
    private Map<String, Integer> mailCounts(String subjectStart) {
        Map<String, Integer> counts = new HashMap<>();
        try {
            for (MimeMessage message : cluster.smtp().getReceivedMessages()) {
                if (message.getSubject() != null && message.getSubject().startsWith(subjectStart)) {
                    for (Address to : message.getAllRecipients()) {
                        counts.merge(((InternetAddress) to).getAddress().toLowerCase(java.util.Locale.ROOT), 1,
                                Integer::sum);
                    }
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    private int mails(String recipient, String subjectStart) {
        return mailCounts(subjectStart).getOrDefault(recipient.toLowerCase(java.util.Locale.ROOT), 0);
    }

    /** Waits until every one of the recipients got at least one mail whose subject starts so. */
    private void awaitMails(java.util.Collection<String> recipients, String subjectStart, Duration timeout)
            throws InterruptedException {
        await(() -> {
            Map<String, Integer> counts = mailCounts(subjectStart);
            return recipients.stream().allMatch(r -> counts.containsKey(r.toLowerCase(java.util.Locale.ROOT)));
        }, timeout, recipients.size() + " mails \"" + subjectStart + "...\"");
    }

    private static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited " + timeout.toSeconds() + " s in vain for " + what);
            }
            Thread.sleep(250);
        }
    }
}
