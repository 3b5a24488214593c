package dk.initiativ.initiative;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.initiativ.benchmark.LoadRunner;
import dk.initiativ.benchmark.LoadRunner.Operation;
import dk.initiativ.benchmark.LoadRunner.Segment;
import dk.initiativ.benchmark.Machine;
import dk.initiativ.benchmark.Machine.CpuSnapshot;
import dk.initiativ.benchmark.Report;
import dk.initiativ.dashboard.SubmissionProjector;
import dk.initiativ.process.InitiativeProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The citizen's submission measured side by side in one run, on the application as the tests boot it
 * (random port, embedded MariaDB from the test class path's config/application.yaml):
 * <ol>
 * <li>{@code bare-engine}: the engine alone starts the same process, no row of ours;</li>
 * <li>{@code service}: {@link SubmissionService#submit} (row + timeline event + receipt e-mail in the outbox + process
 * instance, one transaction);</li>
 * <li>{@code http}: {@code POST /api/initiatives} over a real keep-alive HTTP connection;</li>
 * <li>{@code form}: the citizen's real path, the server-rendered form: {@code GET /} for a fresh session, CSRF token and
 * one-time form key, then the urlencoded {@code POST /} up to its 303 to {@code /receipt} (both requests in one op);</li>
 * <li>{@code form-page}: that {@code GET /} alone, so that the POST's share of {@code form} can be read off.</li>
 * </ol>
 * The test configuration exempts loopback from the submission rate limit, so the limiter is consulted but never refuses.
 * The variants take turns round by round (in a rotating order) so that machine noise hits all of them.
 * Figures go to {@code docs/benchmarks.md}; nothing here asserts a timing. Run with
 * {@code ./mvnw -Pbenchmark verify}; knobs: {@code -Dbenchmark.threads}, {@code -Dbenchmark.rounds},
 * {@code -Dbenchmark.ops}, {@code -Dbenchmark.warmupRounds}, {@code -Dbenchmark.warmupOps}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                // one INFO line per submission would otherwise measure the test runner's console piping
                "logging.level.dk.initiativ.initiative.SubmissionService=warn",
                // the process-coverage extension the tests import is left out here; its listener would only warn
                "logging.level.org.camunda.community.process_test_coverage=error"})
class SubmissionBenchmark {

    static final int THREADS = Integer.getInteger("benchmark.threads", 8);
    static final int ROUNDS = Integer.getInteger("benchmark.rounds", 6);
    static final int OPS = Integer.getInteger("benchmark.ops", 750);
    /** Warm-up, interleaved like the measured rounds: the HTTP path runs once per request and needs thousands to be compiled. */
    static final int WARMUP_ROUNDS = Integer.getInteger("benchmark.warmupRounds", 3);
    static final int WARMUP_OPS = Integer.getInteger("benchmark.warmupOps", 1500);

    static final String SECTION = "submission";

    static final String TITLE = "Bænk ved søen";
    static final String DESCRIPTION = "En bænk, så ældre kan hvile sig på turen rundt om søen.";
    static final String TOPIC = "natur-miljoe";
    static final String DISTRICT = "holbaek-by";
    static final String CONTACT_NAME = "Anna Andersen";
    static final String CONTACT_EMAIL = "anna@example.org";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern FORM_KEY = Pattern.compile("name=\"submissionKey\" value=\"([^\"]+)\"");
    static final String JSON = "{\"title\":\"" + TITLE + "\",\"description\":\"" + DESCRIPTION + "\",\"topic\":\""
            + TOPIC + "\",\"district\":\"" + DISTRICT + "\",\"contactName\":\"" + CONTACT_NAME
            + "\",\"contactEmail\":\"" + CONTACT_EMAIL + "\",\"consent\":true,\"helpWanted\":[]}";

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    SubmissionService submissions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SubmissionProjector dashboard;

    @LocalServerPort
    int port;

    private final AtomicLong sequence = new AtomicLong(1_000_000_000L);

    private String cpuShares = "n/a";
    private Map<String, double[]> statements = Map.of();

    /**
     * @param settle what a turn of the variant leaves to do after its operations, timed with them: the dashboard's
     *               projection of the submissions that no background batch took yet (ADR 0059); null for nothing
     */
    record Variant(String name, String description, Operation operation, Runnable settle) {

        Variant(String name, String description, Operation operation) {
            this(name, description, operation, null);
        }
    }

    @Test
    void submissionSideBySide() throws Exception {
        jdbc.execute("SET GLOBAL innodb_print_all_deadlocks = ON"); // a deadlock's two transactions in the error log
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        HttpRequest post = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/initiatives"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Accept-Language", "da")
                .POST(HttpRequest.BodyPublishers.ofString(JSON, StandardCharsets.UTF_8))
                .build();
        URI form = URI.create("http://localhost:" + port + "/");
        String formFields = urlencoded(Map.of("title", TITLE, "description", DESCRIPTION, "topic", TOPIC,
                "district", DISTRICT, "applicantKind", "INDIVIDUAL", "contactName", CONTACT_NAME,
                "contactEmail", CONTACT_EMAIL, "consent", "true"));
        SubmitInitiativeRequest request = new SubmitInitiativeRequest(TITLE, DESCRIPTION, TOPIC, DISTRICT,
                CONTACT_NAME, CONTACT_EMAIL, true, Set.of());
        String helpWanted = new MatchingFacts(TOPIC, DISTRICT, request.helpWanted()).helpWantedCodes();
        Locale danish = Locale.forLanguageTag("da");

        List<Variant> variants = List.of(
                new Variant("bare-engine", "`RuntimeService.startProcessInstanceByKey` directly: the same process with the same variables as the service passes, no row of ours, no e-mail",
                        () -> {
                            long n = sequence.incrementAndGet();
                            String key = "BENCH-" + n;
                            runtimeService.startProcessInstanceByKey(InitiativeProcess.KEY, key, Map.of(
                                    InitiativeProcess.VAR_INITIATIVE_ID, n,
                                    InitiativeProcess.VAR_CASE_NUMBER, key,
                                    InitiativeProcess.VAR_TOPIC, TOPIC,
                                    InitiativeProcess.VAR_DISTRICT, DISTRICT,
                                    InitiativeProcess.VAR_HELP_WANTED, helpWanted));
                            return true;
                        }),
                new Variant("service", "`SubmissionService.submit`: topic and district checked against the catalogue, row + timeline event + receipt e-mail written to the mail outbox + process instance, one transaction",
                        () -> submissions.submit(request, danish) != null, dashboard::catchUp),
                new Variant("http", "`POST /api/initiatives` (JSON, keep-alive `java.net.http.HttpClient`): security filters, rate limiter, validation, JSON, the full request (and so the service's work, receipt e-mail included)",
                        () -> client.send(post, HttpResponse.BodyHandlers.discarding()).statusCode() == 201,
                        dashboard::catchUp),
                new Variant("form", "the citizen's form, two requests per operation on the same keep-alive client: `GET /` without a cookie "
                        + "(a new session, the rendered page with its CSRF token and a fresh one-time form key, read from the HTML), then "
                        + "`POST /` urlencoded with the session cookie, `_csrf`, the key and the same fields as `http`, no attachments, "
                        + "up to the 303 to `/receipt` (not followed): CSRF check, the key looked up, validation, rate limiter, the "
                        + "service's work with the receipt e-mail, the receipt put into the session. The GET is part of the op; "
                        + "`form-page` measures it alone",
                        () -> submitForm(client, form, formFields), dashboard::catchUp),
                new Variant("form-page", "`GET /` alone, as in `form` (new session, page rendered, token and key read from the HTML), "
                        + "nothing posted and nothing stored: `form` minus `form-page` is roughly what the citizen's POST costs",
                        () -> openForm(client, form) != null));

        Optional<ProcessHandle> database = Machine.databaseProcess();
        try (LoadRunner runner = new LoadRunner(THREADS, database)) {
            System.out.printf("%nSubmission benchmark: %d threads, warm-up %d rounds x %d ops, %d rounds x %d ops per variant%n",
                    THREADS, WARMUP_ROUNDS, WARMUP_OPS, ROUNDS, OPS);
            for (int round = 0; round < WARMUP_ROUNDS; round++) {
                for (Variant variant : variants) {
                    Segment warmup = runner.run(variant.name(), variant.operation(), WARMUP_OPS, variant.settle());
                    System.out.printf("  warm-up %d %-12s %8.0f ops/s  (%d errors)%n", round + 1, variant.name(),
                            warmup.opsPerSecond(), warmup.errors());
                }
            }
            CpuSnapshot before = CpuSnapshot.take(database);
            List<List<Segment>> measured = new ArrayList<>();
            variants.forEach(v -> measured.add(new ArrayList<>()));
            for (int round = 0; round < ROUNDS; round++) {
                for (int k = 0; k < variants.size(); k++) {
                    int index = (round + k) % variants.size(); // rotate the order round by round
                    long[] waitsBefore = stalls();
                    Segment segment = runner.run(variants.get(index).name(), variants.get(index).operation(), OPS,
                            variants.get(index).settle());
                    long[] waits = stalls();
                    for (int w = 0; w < waits.length; w++) {
                        waits[w] -= waitsBefore[w];
                        stalls.computeIfAbsent(variants.get(index).name(), name -> new long[3])[w] += waits[w];
                    }
                    measured.get(index).add(segment);
                    long[] sorted = Report.sorted(segment.latenciesNanos());
                    System.out.printf("  round %d %-12s %8.0f ops/s  median %.2f ms  max %.0f ms  row-lock waits %d"
                            + " (%d ms)  GC %d ms  (%d errors)%n", round + 1, variants.get(index).name(),
                            segment.opsPerSecond(), Report.percentile(sorted, 0.5) / 1e6,
                            sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, waits[0], waits[1], waits[2],
                            segment.errors());
                }
            }
            cpuShares = CpuSnapshot.take(database).sharesSince(before);
            statements = statementsPerOperation(variants);
            String section = section(variants, measured, database.isPresent());
            System.out.println();
            System.out.println(section);
            Report.writeSection(SECTION, section);

            int errors = measured.stream().flatMap(List::stream).mapToInt(Segment::errors).sum();
            if (errors > 0) {
                // figures of failing submissions would mean nothing; say so instead of passing
                throw new IllegalStateException(errors + " submissions failed during the benchmark: " + runner.firstError());
            }
        }
    }

    /** Per variant over its measured rounds: InnoDB row-lock waits, their time in ms, and this JVM's GC time in ms. */
    private final Map<String, long[]> stalls = new java.util.LinkedHashMap<>();

    /**
     * What can stall every client thread at once, as counters now: MariaDB's row-lock waits and their total time (ms;
     * {@code Innodb_row_lock_waits}, {@code Innodb_row_lock_time}), and the time this JVM's collectors took (ms).
     */
    private long[] stalls() {
        long[] now = new long[3];
        jdbc.query("SHOW GLOBAL STATUS WHERE Variable_name IN ('Innodb_row_lock_waits', 'Innodb_row_lock_time')",
                rs -> {
                    now["Innodb_row_lock_waits".equals(rs.getString(1)) ? 0 : 1] = rs.getLong(2);
                });
        for (var collector : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            now[2] += Math.max(0, collector.getCollectionTime());
        }
        return now;
    }

    /** The statement kinds counted per operation, as MariaDB's global status counts them. */
    static final List<String> STATEMENT_KINDS = List.of("Com_select", "Com_insert", "Com_update", "Com_delete",
            "Com_commit", "Questions");
    static final int STATEMENT_OPS = Integer.getInteger("benchmark.statementOps", 100);

    /**
     * Statements sent to MariaDB per operation of each variant, by kind: {@code STATEMENT_OPS} operations one after
     * the other on this thread, the server's global counters before and after. The benchmark's database serves only
     * this JVM and the job executor is off, so the difference is the operations' own (the two status queries
     * themselves are {@code Questions} and are taken off). Unlike a time, a count repeats from run to run.
     */
    private Map<String, double[]> statementsPerOperation(List<Variant> variants) throws Exception {
        Map<String, double[]> perOperation = new java.util.LinkedHashMap<>();
        for (Variant variant : variants) {
            Map<String, Long> before = globalStatus();
            for (int i = 0; i < STATEMENT_OPS; i++) {
                if (!variant.operation().run()) {
                    throw new IllegalStateException(variant.name() + " failed while its statements were counted");
                }
            }
            if (variant.settle() != null) {
                variant.settle().run();
            }
            Map<String, Long> after = globalStatus();
            double[] counts = new double[STATEMENT_KINDS.size()];
            for (int k = 0; k < counts.length; k++) {
                String kind = STATEMENT_KINDS.get(k);
                long difference = after.get(kind) - before.get(kind) - ("Questions".equals(kind) ? 1 : 0);
                counts[k] = difference / (double) STATEMENT_OPS;
            }
            perOperation.put(variant.name(), counts);
        }
        return perOperation;
    }

    private Map<String, Long> globalStatus() {
        Map<String, Long> status = new java.util.HashMap<>();
        jdbc.query("SHOW GLOBAL STATUS WHERE Variable_name IN ('" + String.join("', '", STATEMENT_KINDS) + "')",
                rs -> {
                    status.put(rs.getString(1), rs.getLong(2));
                });
        return status;
    }

    /** The form page as opened in a new session: its cookies, CSRF token and one-time key. */
    record FormPage(String cookies, String csrf, String key) {
    }

    /** Opens the form without a cookie, as a new visitor does; null if the page lacks the session, token or key. */
    private static FormPage openForm(HttpClient client, URI form) throws Exception {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(form)
                        .header("Accept", "text/html")
                        .header("Accept-Language", "da")
                        .GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        // the session cookie (and whatever else the page sets), as a browser would send it back
        String cookies = String.join("; ", page.headers().allValues("Set-Cookie").stream()
                .map(c -> c.contains(";") ? c.substring(0, c.indexOf(';')) : c).toList());
        Matcher csrf = CSRF.matcher(page.body());
        Matcher key = FORM_KEY.matcher(page.body());
        if (page.statusCode() != 200 || !cookies.contains("SESSION=") || !csrf.find() || !key.find()) {
            return null;
        }
        return new FormPage(cookies, csrf.group(1), key.group(1));
    }

    /** A citizen's visit: the form page in a new session, then its post with that session's token and fresh key. */
    private static boolean submitForm(HttpClient client, URI form, String fields) throws Exception {
        FormPage page = openForm(client, form);
        if (page == null) {
            return false;
        }
        HttpRequest post = HttpRequest.newBuilder(form)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .header("Accept-Language", "da")
                .header("Cookie", page.cookies())
                .POST(HttpRequest.BodyPublishers.ofString(fields + "&" + urlencoded(Map.of("_csrf", page.csrf(),
                        "submissionKey", page.key())), StandardCharsets.UTF_8))
                .build();
        HttpResponse<Void> answer = client.send(post, HttpResponse.BodyHandlers.discarding());
        return answer.statusCode() == 303 && answer.headers().firstValue("Location").orElse("").endsWith("/receipt");
    }

    private static String urlencoded(Map<String, String> fields) {
        return String.join("&", fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
    }

    // ---------------------------------------------------------------- report

    private String section(List<Variant> variants, List<List<Segment>> measured, boolean databaseCpuKnown) {
        int count = variants.size();
        long[][] all = new long[count][];
        double[] throughput = new double[count];
        double[] median = new double[count];
        for (int v = 0; v < count; v++) {
            List<Segment> segments = measured.get(v);
            all[v] = Report.sorted(segments.stream().map(Segment::latenciesNanos).flatMapToLong(Arrays::stream).toArray());
            long wall = segments.stream().mapToLong(Segment::wallNanos).sum();
            throughput[v] = all[v].length / (wall / 1e9);
            median[v] = Report.percentile(all[v], 0.5) / 1e6;
        }

        StringBuilder md = new StringBuilder();
        md.append(Report.start(SECTION)).append('\n');
        md.append("## Citizen submission: bare engine, service, API and form side by side\n\n");
        md.append("What is measured: one citizen submission, four ways (and the form page alone), in one JVM run on the application as the tests boot it ")
                .append("(`@SpringBootTest` on a random port, local identity mode, a fresh embedded MariaDB, history level FULL, ")
                .append("job executor off, without the process-coverage extension the tests import). Each operation (but `form-page`) starts one instance of the `initiative` process, which waits at ")
                .append("the screening user task. Since the case e-mails, `service`, `http` and `form` also write the citizen's receipt ")
                .append("e-mail into the mail outbox in the same transaction (a synchronous listener of the submission event); ")
                .append("nothing is sent, as the test configuration turns sending off. The test configuration also exempts ")
                .append("loopback from the submission rate limit, so `http` and `form` pass through the limiter but are never ")
                .append("refused or slowed by it.\n\n");
        for (Variant variant : variants) {
            md.append("- `").append(variant.name()).append("`: ").append(variant.description()).append('\n');
        }
        md.append('\n');
        md.append("How: `./mvnw -Pbenchmark verify` runs `src/benchmark/java/dk/initiativ/initiative/SubmissionBenchmark.java` ")
                .append("(the `benchmark` Maven profile; no tests run) and rewrites this section. ")
                .append(THREADS).append(" client threads; warm-up ").append(WARMUP_ROUNDS).append(" rounds x ").append(WARMUP_OPS)
                .append(" ops per variant, interleaved and discarded (the HTTP path runs once per request and needs thousands ")
                .append("of requests before the JIT has compiled it); then ")
                .append(ROUNDS).append(" rounds x ").append(OPS).append(" ops per variant, the variants taking turns in a rotating ")
                .append("order round by round so that machine noise hits all of them. Latency per operation by `System.nanoTime`; ")
                .append("throughput = operations / wall time of the rounds. Knobs: `-Dbenchmark.threads`, `-Dbenchmark.rounds`, ")
                .append("`-Dbenchmark.ops`, `-Dbenchmark.warmupRounds`, `-Dbenchmark.warmupOps`.\n\n");
        md.append("Machine: ").append(Machine.describe(jdbc)).append(".\n\n");
        md.append("Where the machine's CPU went during the measured rounds (all cores = 100 %): ").append(cpuShares)
                .append(". \"Other\" is anything else on the machine (e.g. a build next door); steal is time the hypervisor ")
                .append("gave to other guests.\n\n");
        md.append("| variant | ops | median ms | p90 ms | p99 ms | ops/s | ops/s per round | median / bare-engine | ops/s / bare-engine |\n");
        md.append("|---|---:|---:|---:|---:|---:|---|---:|---:|\n");
        for (int v = 0; v < count; v++) {
            String perRound = String.join(" / ", measured.get(v).stream()
                    .map(s -> String.format(Locale.ROOT, "%.0f", s.opsPerSecond())).toList());
            md.append(String.format(Locale.ROOT, "| `%s` | %d | %.2f | %.2f | %.2f | %.0f | %s | %.2f | %.2f |%n",
                    variants.get(v).name(), all[v].length, median[v], Report.percentile(all[v], 0.9) / 1e6,
                    Report.percentile(all[v], 0.99) / 1e6, throughput[v], perRound, median[v] / median[0], throughput[v] / throughput[0]));
        }
        md.append('\n');
        md.append("CPU per operation over the measured rounds (both processes share the same ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores):\n\n");
        md.append("| variant | JVM CPU ms/op (app + load generator) | mariadbd CPU ms/op |\n");
        md.append("|---|---:|---:|\n");
        for (int v = 0; v < count; v++) {
            List<Segment> segments = measured.get(v);
            long ops = all[v].length;
            double jvm = segments.stream().mapToLong(Segment::jvmCpuNanos).sum() / 1e6 / ops;
            double db = segments.stream().mapToLong(Segment::dbCpuNanos).sum() / 1e6 / ops;
            md.append(String.format(Locale.ROOT, "| `%s` | %.2f | %s |%n", variants.get(v).name(), jvm,
                    databaseCpuKnown ? String.format(Locale.ROOT, "%.2f", db) : "n/a"));
        }
        md.append('\n');
        md.append("What can stall every client at once, summed over each variant's measured rounds: InnoDB's row-lock waits"
                + " and their time (`Innodb_row_lock_waits`, `Innodb_row_lock_time`, server-wide, so a background"
                + " batch's waits count with the variant whose round it ran in), and the time this JVM's garbage"
                + " collectors took:\n\n");
        md.append("| variant | row-lock waits | their ms | GC ms |\n");
        md.append("|---|---:|---:|---:|\n");
        for (Map.Entry<String, long[]> entry : stalls.entrySet()) {
            md.append(String.format(Locale.ROOT, "| `%s` | %d | %d | %d |%n", entry.getKey(), entry.getValue()[0],
                    entry.getValue()[1], entry.getValue()[2]));
        }
        md.append('\n');
        md.append("Statements sent to MariaDB per operation (").append(STATEMENT_OPS)
                .append(" operations of each variant one after the other after the rounds, the server's global status"
                        + " counters before and after; a count repeats from run to run where a time does not):\n\n");
        md.append("| variant | SELECT | INSERT | UPDATE | DELETE | COMMIT | all statements |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, double[]> entry : statements.entrySet()) {
            double[] c = entry.getValue();
            md.append(String.format(Locale.ROOT, "| `%s` | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |%n", entry.getKey(),
                    c[0], c[1], c[2], c[3], c[4], c[5]));
        }
        md.append('\n');
        md.append("Reading the figures: the embedded MariaDB, the application and the load generator (the client threads, and for ")
                .append("`http` and `form` the HTTP client too) share the same cores, so the machine is CPU-bound, not database-bound; ")
                .append("the absolute numbers move from run to run with the neighbours' load. Quote the medians and the ratios ")
                .append("measured side by side in one run, not single means and not figures from different runs. The `http` ")
                .append("and `form` variants use Tomcat's defaults (keep-alive, at most 100 requests per connection). The per-submission ")
                .append("INFO log line of `SubmissionService` is muted during the run. No test asserts any of these timings.\n");
        md.append(Report.end(SECTION)).append('\n');
        return md.toString();
    }
}
