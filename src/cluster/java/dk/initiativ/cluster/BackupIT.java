package dk.initiativ.cluster;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.initiativ.support.KeycloakTestServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static dk.initiativ.cluster.Cluster.log;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's backup and restore, done as it tells operators (issue 14): the application from the production jar on
 * one MariaDB with running cases, a dump with {@code mariadb-dump --single-transaction} while it runs, the application
 * stopped, the dump restored into an empty second MariaDB, the application started on that one, and the cases, their
 * timers, their tracking links and a new submission checked there. Run by {@code ./mvnw -Pcluster verify}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupIT {

    /** The restored database's server: a MariaDB of its own, with its own data folder. */
    static final int RESTORED_MARIADB_PORT = 13307;
    static final int NODE = Cluster.NODE_A;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = KeycloakTestServer.DEMO_PASSWORD;

    /**
     * A PDF just under the attachment limit (10 MB), of random bytes: in the dump it is one INSERT of about 18 MB
     * ({@code --hex-blob}), more than the client's default {@code max_allowed_packet} of 16 MB.
     */
    private static final byte[] ATTACHMENT = pdf(9 * 1024 * 1024);

    private final long startedAt = System.nanoTime();
    private Cluster cluster;
    private Path work;
    private String base;

    @BeforeAll
    void startDatabaseKeycloakAndMail() throws Exception {
        Path target = Path.of(System.getProperty("user.dir"), "target");
        Path jar = Path.of(System.getProperty("cluster.jar", target.resolve("initiativ-0.1.0-SNAPSHOT.jar").toString()));
        work = target.resolve("backup");
        cluster = new Cluster(work, jar);
        cluster.startBase();
        // no proxy here: the test talks to the one node directly (the links in mails still name the public URL)
        base = "http://localhost:" + NODE;
    }

    @AfterAll
    void stopEverything() {
        if (cluster != null) {
            cluster.close();
        }
        log("backup test took %d s in all", Cluster.seconds(startedAt));
    }

    @Test
    void aDumpOfRunningCasesRestoredIntoAnEmptyMariaDbCarriesOn() throws Exception {
        // --- the application with running cases ---------------------------------------------------------------
        // The reminder to a citizen who was asked a question is due at once (0 working days) and the process
        // engine's job executor is off on this run: the reminder's timer is due but waits, as a timer that falls due
        // between the backup and the restore does. Everything else runs as in production.
        cluster.startNode(NODE, cluster.database(), Map.of(
                "INITIATIV_DEADLINES_INFORMATION_REMINDER", "0",
                "CAMUNDA_BPM_JOBEXECUTION_ENABLED", "false"));
        cluster.awaitReady(NODE);

        Map<String, String> trackingTokens = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        // just submitted: three through the JSON API, one through the form
        for (int i = 1; i <= 3; i++) {
            String title = "Gemt sag " + i + " 🌳";
            JsonNode receipt = submit(title, "gemt" + i + "@example.org", "10.7.0." + i);
            trackingTokens.put(receipt.get("caseNumber").asText(), receipt.get("trackingToken").asText());
            titles.put(receipt.get("caseNumber").asText(), title);
        }
        submitForm("Gemt sag fra formularen", "gemt-form@example.org", "10.7.0.9", trackingTokens, titles);
        // one accepted at screening: the proposed contact person's acceptance has a timer due in 2 working days
        String acceptedCase = submitCase("Gemt sag taget imod", "gemt-accept@example.org", "10.7.0.10", trackingTokens,
                titles);
        // one where intake asked the citizen a question: the reminder (due, waiting) and the timeout (30 working days)
        String askedCase = submitCase("Gemt sag med spørgsmål", "gemt-spoerg@example.org", "10.7.0.11", trackingTokens,
                titles);
        Map<String, String> tasks = awaitScreeningTasks(Set.of(acceptedCase, askedCase));
        Browser intake = new Browser(base, "198.51.100.70");
        HttpResponse<String> accepted = intake.postJson("/api/tasks/" + tasks.get(acceptedCase) + "/screening",
                "{\"decision\":\"accept\"}", "intake", PASSWORD);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(204);
        HttpResponse<String> asked = intake.postJson("/api/tasks/" + tasks.get(askedCase) + "/screening",
                "{\"decision\":\"request-information\",\"note\":\"Hvor skal bænken stå?\"}", "intake", PASSWORD);
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(204);
        awaitMails(List.of("gemt1@example.org", "gemt2@example.org", "gemt3@example.org", "gemt-form@example.org",
                "gemt-accept@example.org", "gemt-spoerg@example.org"), "Tak for dit initiativ", Duration.ofSeconds(60));

        Map<String, List<Timer>> timersBefore = timers(cluster.database());
        assertThat(timersBefore.get(acceptedCase)).as("the accepted case's timers").isNotEmpty()
                .allMatch(timer -> timer.due().isAfter(Instant.now().plus(Duration.ofHours(1))));
        assertThat(timersBefore.get(askedCase)).as("the asked case's timers").extracting(Timer::activity)
                .containsExactlyInAnyOrder("BoundaryEvent_InformationReminder", "BoundaryEvent_InformationTimeout");
        Counts before = counts(cluster.database());
        log("before the backup: %s", before);

        // --- the backup, while the application runs (README "Backups") -----------------------------------------
        Path backup = work.resolve("backup");
        Files.createDirectories(backup);
        Path options = optionFile(backup);
        Path dump = backup.resolve("initiativ.sql");
        long dumping = System.nanoTime();
        runClient(List.of("mariadb-dump", "--defaults-extra-file=" + options, "--host=127.0.0.1",
                "--port=" + Cluster.MARIADB_PORT, "--single-transaction", "--routines", "--events", "--hex-blob",
                "--max-allowed-packet=64M", Cluster.DB), null, dump, backup.resolve("mariadb-dump.log"));
        long dumpMillis = Duration.ofNanos(System.nanoTime() - dumping).toMillis();
        log("mariadb-dump --single-transaction while the node ran: %d KB in %d ms", Files.size(dump) / 1024,
                dumpMillis);

        // the application stops (SIGTERM); the database server it used stays as it was, but is not used again
        cluster.stopNode(NODE);

        // --- the restore into an empty MariaDB, then the application on it --------------------------------------
        MariaDb restored = cluster.startDatabase(RESTORED_MARIADB_PORT);
        assertThat(tableCount(restored)).as("the new database is empty").isZero();
        long restoring = System.nanoTime();
        runClient(List.of("mariadb", "--defaults-extra-file=" + options, "--host=127.0.0.1",
                "--port=" + RESTORED_MARIADB_PORT, "--max-allowed-packet=64M", Cluster.DB), dump, null,
                backup.resolve("mariadb-restore.log"));
        log("restored into the empty MariaDB on %d in %d ms: %d tables", RESTORED_MARIADB_PORT,
                Duration.ofNanos(System.nanoTime() - restoring).toMillis(), tableCount(restored));
        Counts restoredCounts = counts(restored);
        assertThat(restoredCounts).as("the restored database holds what the dump saw").isEqualTo(before);
        Map<String, List<Timer>> timersRestored = timers(restored);
        assertThat(timersRestored).as("the same timers, due at the same moments").isEqualTo(timersBefore);

        // the same production configuration (and the same tracking secret); the job executor on, as always
        int remindersBefore = mailCounts("Påmindelse").getOrDefault("gemt-spoerg@example.org", 0);
        assertThat(remindersBefore).as("no reminder before the restore").isZero();
        cluster.startNode(NODE, restored, Map.of());
        cluster.awaitReady(NODE);

        // the reminder that fell due while the database was away fires once, and its mail arrives once
        long waiting = System.nanoTime();
        awaitMails(List.of("gemt-spoerg@example.org"), "Påmindelse", Duration.ofSeconds(90));
        long reminderSeconds = Cluster.seconds(waiting);
        Thread.sleep(5_000);
        assertThat(mailCounts("Påmindelse")).as("one reminder, to the asked citizen only")
                .containsExactly(Map.entry("gemt-spoerg@example.org", 1));
        Map<String, List<Timer>> timersAfter = timers(restored);
        assertThat(timersAfter.get(askedCase)).as("the asked case still waits for its timeout")
                .extracting(Timer::activity).containsExactly("BoundaryEvent_InformationTimeout");
        assertThat(timersAfter.get(acceptedCase)).as("the future timer is untouched")
                .isEqualTo(timersBefore.get(acceptedCase));

        // the cases on the staff API, and the citizens' tracking links (derived from the same secret)
        for (Map.Entry<String, String> entry : titles.entrySet()) {
            HttpResponse<String> dossier = intake.getJson("/api/initiatives/" + entry.getKey(), "intake", PASSWORD);
            assertThat(dossier.statusCode()).as(dossier.body()).isEqualTo(200);
            assertThat(JSON.readTree(dossier.body()).path("initiative").path("title").asText()).isEqualTo(entry.getValue());
        }
        Browser citizen = new Browser(base, "198.51.100.71");
        int attachments = 0;
        for (Map.Entry<String, String> entry : trackingTokens.entrySet()) {
            HttpResponse<String> page = citizen.get("/track/" + entry.getValue());
            assertThat(page.statusCode()).as("the tracking link of %s", entry.getKey()).isEqualTo(200);
            assertThat(page.body()).contains(entry.getKey());
            java.util.regex.Matcher link = java.util.regex.Pattern.compile("/track/[^/\"]+/attachments/([^\"?]+)")
                    .matcher(page.body());
            while (link.find()) {
                // the citizen's attachment, byte for byte
                HttpResponse<byte[]> file = citizen.download(link.group());
                assertThat(file.statusCode()).isEqualTo(200);
                assertThat(file.body()).as("the attachment of %s after the restore", entry.getKey()).isEqualTo(ATTACHMENT);
                attachments++;
            }
        }
        assertThat(attachments).as("the form's attachment opened from the tracking page").isEqualTo(1);

        // a new submission: a new case number after the restored ones, its process and its receipt
        JsonNode fresh = submit("Ny sag efter gendannelsen", "ny-efter@example.org", "10.7.0.20");
        String freshCase = fresh.get("caseNumber").asText();
        assertThat(titles).doesNotContainKey(freshCase);
        HttpResponse<String> freshPage = citizen.get("/track/" + fresh.get("trackingToken").asText());
        assertThat(freshPage.statusCode()).isEqualTo(200);
        awaitMails(List.of("ny-efter@example.org"), "Tak for dit initiativ", Duration.ofSeconds(60));
        awaitScreeningTasks(Set.of(freshCase));
        Counts after = counts(restored);

        log("backup and restore: %d cases with %d running process instances and %d timers dumped (%d KB) and"
                        + " restored into an empty MariaDB; the same counts there: %s", before.cases(),
                before.runningProcesses(), before.timers(), Files.size(dump) / 1024, restoredCounts.equals(before));
        log("  after the restore: the due reminder fired within %d s of the start, its mail arrived once; the future"
                        + " timers (%d) unchanged; %d case pages and %d tracking links opened, %d attachment of %d MB the same byte"
                        + " for byte; a new submission %s", reminderSeconds,
                timersAfter.values().stream().mapToInt(List::size).sum(), titles.size(), trackingTokens.size(),
                attachments, ATTACHMENT.length / (1024 * 1024), freshCase);
        log("  at the end: %s", after);
        assertThat(after.cases()).isEqualTo(before.cases() + 1);
        assertThat(after.runningProcesses()).isEqualTo(before.runningProcesses() + 1);
    }

    private static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(14).nextBytes(bytes);
        byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(tail, 0, bytes, size - tail.length, tail.length);
        return bytes;
    }

    // --- the backup's commands, as the README gives them -------------------------------------------------------------

    /** The database user's password in a client option file only its owner reads, not on the command line. */
    private static Path optionFile(Path dir) throws IOException {
        Path file = dir.resolve("backup.cnf");
        Files.writeString(file, "[client]\nuser=" + Cluster.DB_USER + "\npassword=" + Cluster.DB_PASSWORD + "\n",
                StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static void runClient(List<String> command, Path input, Path output, Path errors)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
        if (input != null) {
            builder.redirectInput(input.toFile());
        }
        if (output != null) {
            builder.redirectOutput(output.toFile());
        } else {
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(errors.toFile()));
        }
        int exit = builder.start().waitFor();
        assertThat(exit).as("%s:\n%s", String.join(" ", command), Cluster.tail(errors)).isZero();
    }

    // --- what is in a database -----------------------------------------------------------------------------------

    /** A timer job of a case: the BPMN event it belongs to and when it is due. */
    record Timer(String activity, Instant due) {
    }

    record Counts(int cases, int runningProcesses, int timers, int userTasks, int outboxMails, int flywayVersions) {
    }

    private static Counts counts(MariaDb database) throws SQLException {
        return new Counts(count(database, "SELECT COUNT(*) FROM initiative"),
                count(database, "SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE ID_ = PROC_INST_ID_"),
                count(database, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE TYPE_ = 'timer'"),
                count(database, "SELECT COUNT(*) FROM ACT_RU_TASK"),
                count(database, "SELECT COUNT(*) FROM mail_outbox"),
                count(database, "SELECT COUNT(*) FROM flyway_schema_history"));
    }

    /** The timers of each case (by case number), sorted by event. */
    private static Map<String, List<Timer>> timers(MariaDb database) throws SQLException {
        Map<String, List<Timer>> timers = new HashMap<>();
        try (Connection db = database.db(); PreparedStatement query = db.prepareStatement(
                "SELECT e.BUSINESS_KEY_, j.HANDLER_CFG_, j.DUEDATE_ FROM ACT_RU_JOB j"
                        + " JOIN ACT_RU_EXECUTION e ON e.ID_ = j.PROCESS_INSTANCE_ID_"
                        + " WHERE j.TYPE_ = 'timer' ORDER BY e.BUSINESS_KEY_, j.HANDLER_CFG_");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String handler = rows.getString(2);
                // the handler configuration is the activity, possibly with options after a '$'
                String activity = handler.contains("$") ? handler.substring(0, handler.indexOf('$')) : handler;
                Timestamp due = rows.getTimestamp(3);
                timers.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(new Timer(activity, due.toInstant()));
            }
        }
        return timers;
    }

    private static int tableCount(MariaDb database) throws SQLException {
        return count(database, "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()");
    }

    private static int count(MariaDb database, String sql) throws SQLException {
        try (Connection db = database.db(); PreparedStatement query = db.prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    // --- the public form and API -----------------------------------------------------------------------------------

    private JsonNode submit(String title, String email, String address) throws Exception {
        HttpResponse<String> answer = new Browser(base, address).postJson("/api/initiatives",
                ClusterIT.submissionJson(title, email), null, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return JSON.readTree(answer.body());
    }

    private String submitCase(String title, String email, String address, Map<String, String> trackingTokens,
            Map<String, String> titles) throws Exception {
        JsonNode receipt = submit(title, email, address);
        String caseNumber = receipt.get("caseNumber").asText();
        trackingTokens.put(caseNumber, receipt.get("trackingToken").asText());
        titles.put(caseNumber, title);
        return caseNumber;
    }

    /** The form as a citizen's browser posts it; the case number and tracking link from the receipt page. */
    private void submitForm(String title, String email, String address, Map<String, String> trackingTokens,
            Map<String, String> titles) throws Exception {
        Browser citizen = new Browser(base, address);
        HttpResponse<String> form = citizen.get("/?lang=da");
        assertThat(form.statusCode()).isEqualTo(200);
        Map<String, Object> fields = ClusterIT.formFields(title, email);
        fields.put("attachments", new Browser.FilePart("tegning.pdf", "application/pdf", ATTACHMENT));
        fields.put("_csrf", Browser.find(Browser.CSRF, form.body()));
        fields.put("submissionKey", Browser.find(Browser.FORM_KEY, form.body()));
        HttpResponse<String> posted = citizen.postMultipart("/", fields);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
        HttpResponse<String> receipt = citizen.get("/receipt");
        assertThat(receipt.statusCode()).isEqualTo(200);
        String caseNumber = Browser.find(java.util.regex.Pattern.compile("(INI-\\d{4}-\\d{5})"), receipt.body());
        trackingTokens.put(caseNumber, Browser.find(java.util.regex.Pattern.compile("/track/([A-Za-z0-9_-]+)"),
                receipt.body()));
        titles.put(caseNumber, title);
    }

    /** The screening task of each case, from intake's work list. */
    private Map<String, String> awaitScreeningTasks(Set<String> caseNumbers) throws Exception {
        Browser intake = new Browser(base, "198.51.100.72");
        Map<String, String> tasks = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (tasks.size() < caseNumbers.size() && System.nanoTime() < deadline) {
            HttpResponse<String> page = intake.getJson("/api/tasks?first=0&max=200", "intake", PASSWORD);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            for (JsonNode task : JSON.readTree(page.body())) {
                String caseNumber = task.path("caseNumber").asText();
                if (caseNumbers.contains(caseNumber) && "Task_ScreenInitiative".equals(task.path("taskKey").asText())) {
                    tasks.put(caseNumber, task.path("taskId").asText());
                }
            }
            if (tasks.size() < caseNumbers.size()) {
                Thread.sleep(1000);
            }
        }
        assertThat(tasks.keySet()).containsExactlyInAnyOrderElementsOf(caseNumbers);
        return tasks;
    }

    // --- mails -------------------------------------------------------------------------------------------------------

    private Map<String, Integer> mailCounts(String subjectStart) {
        Map<String, Integer> counts = new HashMap<>();
        try {
            for (MimeMessage message : cluster.smtp().getReceivedMessages()) {
                if (message.getSubject() != null && message.getSubject().startsWith(subjectStart)) {
                    for (Address to : message.getAllRecipients()) {
                        counts.merge(((InternetAddress) to).getAddress().toLowerCase(Locale.ROOT), 1, Integer::sum);
                    }
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    private void awaitMails(List<String> recipients, String subjectStart, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<String, Integer> counts = mailCounts(subjectStart);
            if (recipients.stream().allMatch(counts::containsKey)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited " + timeout.toSeconds() + " s in vain for mails \"" + subjectStart
                        + "...\" to " + recipients + "; got " + counts);
            }
            Thread.sleep(250);
        }
    }
}
