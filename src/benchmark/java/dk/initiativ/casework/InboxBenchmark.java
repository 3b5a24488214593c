package dk.initiativ.casework;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.initiativ.benchmark.LoadRunner;
import dk.initiativ.benchmark.LoadRunner.Operation;
import dk.initiativ.benchmark.LoadRunner.Segment;
import dk.initiativ.benchmark.Machine;
import dk.initiativ.benchmark.Machine.CpuSnapshot;
import dk.initiativ.benchmark.Report;
import dk.initiativ.identity.Role;
import dk.initiativ.process.InitiativeProcess;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The staff inbox's views side by side with Camunda's own {@link TaskService} (and {@link RuntimeService}) query
 * for the same list, in one run, on a municipality of 100,000 open and 1,000,000 closed cases ({@link InboxData}),
 * measured first at a tenth of that size and then at full size, so that the report shows how the cost grows with
 * the data and with the length of a person's list. For each view and person:
 * <ul>
 * <li>{@code engine}: the engine's own query for the list: a page of 25 tasks in due-date order plus its count;</li>
 * <li>{@code engine-instances} (case views): the engine's nearest list of cases, process instances by variable,
 * a page of 25 plus the count;</li>
 * <li>{@code inbox}: {@link Inbox#page} (the page of 25 with names, deadline state, unread messages and the
 * filtered total);</li>
 * <li>{@code http}: {@code GET /indbakke?visning=...} as the logged-in person's browser asks for it (security,
 * the page with every view's count, rendered), when the page exists.</li>
 * </ul>
 * The variants take turns round by round in a rotating order. Nothing here asserts a timing; figures go to
 * {@code docs/benchmarks.md}. Run: {@code ./mvnw -Pbenchmark verify -Dtest=InboxBenchmark}. Knobs:
 * {@code -Dbenchmark.inbox.open}, {@code .closed}, {@code .sizes} (fractions, e.g. {@code 0.1,1}),
 * {@code .threads}, {@code .rounds}, {@code .ops}, {@code .maxSeconds}, {@code .warmupRounds}, {@code .warmupOps},
 * {@code .generatorThreads}, {@code .batch}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "logging.level.org.camunda.community.process_test_coverage=error",
                // the generated instances start right before their wait states; the engine would log nothing
                // useful per instance, and the Spring event bridge must run (NextDeadlines keeps next_due_at)
                "logging.level.org.camunda.bpm.engine.cmd=warn"})
@DirtiesContext
class InboxBenchmark {

    static final String SECTION = "inbox";
    static final int OPEN = Integer.getInteger("benchmark.inbox.open", 100_000);
    static final int CLOSED = Integer.getInteger("benchmark.inbox.closed", 1_000_000);
    static final double[] SIZES = Arrays.stream(System.getProperty("benchmark.inbox.sizes", "0.1,1").split(","))
            .mapToDouble(Double::parseDouble).toArray();
    static final int THREADS = Integer.getInteger("benchmark.inbox.threads", 2);
    static final int ROUNDS = Integer.getInteger("benchmark.inbox.rounds", 5);
    static final int OPS = Integer.getInteger("benchmark.inbox.ops", 100);
    static final double MAX_SECONDS = Double.parseDouble(System.getProperty("benchmark.inbox.maxSeconds", "3"));
    static final int WARMUP_ROUNDS = Integer.getInteger("benchmark.inbox.warmupRounds", 2);
    static final int WARMUP_OPS = Integer.getInteger("benchmark.inbox.warmupOps", 100);
    static final int GENERATOR_THREADS = Integer.getInteger("benchmark.inbox.generatorThreads", 3);
    static final int BATCH = Integer.getInteger("benchmark.inbox.batch", 200);
    static final int PAGE = InboxQuery.DEFAULT_PAGE_SIZE;
    /** A case-number fragment that the busy contact person's list contains about a hundred times. */
    static final String SEARCH = "INI-2026-0001";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    Inbox inbox;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    IdentityService identityService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @LocalServerPort
    int port;

    record Variant(String name, Operation operation) {
    }

    /** One list: a view as one person sees it, measured several ways; the first way is the engine's. */
    record Case(String view, String who, StaffUser user, InboxQuery query, String key, List<Variant> ways,
            LongSupplier engineInstances, LongSupplier engineCount) {
    }

    /** What one data size gave: the variants' segments, list sizes, CPU split and load. */
    record Phase(int open, int closed, InboxData.Growth growth, List<Case> cases, Map<String, List<Segment>> segments,
            Map<String, Long> listSizes, Map<String, String> sameList, String cpu, String loadBefore,
            String loadAfter, Map<Case, long[]> instanceProbes, List<Object[]> census) {
    }

    @Test
    void inboxViewsSideBySideWithTheEngine() throws Exception {
        long runStart = System.nanoTime();
        InboxData data = new InboxData(jdbc, runtimeService, identityService, transactions, GENERATOR_THREADS, BATCH,
                false);
        Duration prepared = data.prepare();
        System.out.printf("%nInbox benchmark: staff and teams ready after %d s%n", prepared.toSeconds());

        Optional<ProcessHandle> database = Machine.databaseProcess();
        Map<String, HttpClient> sessions = new LinkedHashMap<>();
        String httpNote = null;
        List<Phase> phases = new ArrayList<>();
        try (LoadRunner runner = new LoadRunner(THREADS, database)) {
            for (double size : SIZES) {
                int open = (int) Math.round(OPEN * size);
                int closed = (int) Math.round(CLOSED * size);
                System.out.printf(Locale.ROOT, "Growing to %,d open and %,d closed cases ...%n", open, closed);
                InboxData.Growth growth = data.growTo(open, closed);
                System.out.printf(Locale.ROOT, "  +%,d open in %d s (CPU per case: JVM %.1f ms, mariadbd %.1f ms), "
                                + "+%,d closed in %d s%n", growth.openAdded(), growth.openCases().toSeconds(),
                        growth.jvmCpuMsPerOpenCase(), growth.dbCpuMsPerOpenCase(), growth.closedAdded(),
                        growth.closedCases().toSeconds());
                // a fresh login per step: generating the next size takes longer than a session lives unused
                sessions.clear();
                httpNote = logIn(sessions);
                List<Case> cases = cases(sessions);
                Map<String, Long> listSizes = new LinkedHashMap<>();
                Map<String, String> sameList = new LinkedHashMap<>();
                for (Case c : cases) {
                    checkSameList(c, listSizes, sameList);
                }
                String loadBefore = Machine.loadAverage();
                List<Variant> variants = cases.stream().flatMap(c -> c.ways().stream()).toList();
                for (int round = 0; round < WARMUP_ROUNDS; round++) {
                    for (Variant variant : variants) {
                        runner.run(variant.name(), variant.operation(), WARMUP_OPS, maxNanos());
                    }
                    System.out.printf("  warm-up round %d done%n", round + 1);
                }
                CpuSnapshot before = CpuSnapshot.take(database);
                Map<String, List<Segment>> segments = new LinkedHashMap<>();
                variants.forEach(v -> segments.put(v.name(), new ArrayList<>()));
                for (int round = 0; round < ROUNDS; round++) {
                    for (int k = 0; k < variants.size(); k++) {
                        Variant variant = variants.get((round + k) % variants.size());
                        Segment segment = runner.run(variant.name(), variant.operation(), OPS, maxNanos());
                        segments.get(variant.name()).add(segment);
                        System.out.printf(Locale.ROOT, "  round %d %-40s %4d ops  median %7.2f ms  (%d errors)%n",
                                round + 1, variant.name(), segment.latenciesNanos().length,
                                Report.percentile(Report.sorted(segment.latenciesNanos()), 0.5) / 1e6, segment.errors());
                    }
                }
                String cpu = CpuSnapshot.take(database).sharesSince(before);
                String loadAfter = Machine.loadAverage();
                Map<Case, long[]> probes = new LinkedHashMap<>();
                for (Case c : cases) {
                    if (c.engineInstances() != null) {
                        probes.put(c, probe(c.engineInstances()));
                        System.out.printf(Locale.ROOT, "  engine-instances %s/%s: %s ms%n", c.view(), c.who(),
                                Arrays.toString(Arrays.stream(probes.get(c)).map(n -> n / 1_000_000).toArray()));
                    }
                }
                phases.add(new Phase(data.openCount(), data.closedCount(), growth, cases, segments, listSizes, sameList,
                        cpu, loadBefore, loadAfter, probes, census()));
                // the figures so far reach the report even if a later, larger step fails or is stopped
                Report.writeSection(SECTION, section(phases, prepared, httpNote,
                        Duration.ofNanos(System.nanoTime() - runStart)));
                int errors = segments.values().stream().flatMap(List::stream).mapToInt(Segment::errors).sum();
                if (errors > 0) {
                    throw new IllegalStateException(errors + " inbox queries failed: " + runner.firstError());
                }
            }
        }
        String section = section(phases, prepared, httpNote, Duration.ofNanos(System.nanoTime() - runStart));
        System.out.println();
        System.out.println(section);
        Report.writeSection(SECTION, section);
    }

    /**
     * The engine's list of a person's (or team's) cases, process instances by variable, is too slow to take turns
     * with the others at full size (no index on variable values): a few calls alone, one after another, at most
     * {@code benchmark.inbox.probeSeconds} (and at least one call).
     */
    private static long[] probe(LongSupplier query) {
        long limit = (long) (Double.parseDouble(System.getProperty("benchmark.inbox.probeSeconds", "20")) * 1e9);
        List<Long> times = new ArrayList<>();
        long start = System.nanoTime();
        do {
            long t0 = System.nanoTime();
            query.getAsLong();
            times.add(System.nanoTime() - t0);
        } while (times.size() < 3 && System.nanoTime() - start < limit);
        return times.stream().mapToLong(Long::longValue).toArray();
    }

    private static long maxNanos() {
        return (long) (MAX_SECONDS * 1e9);
    }

    // ---------------------------------------------------------------- the lists

    private List<Case> cases(Map<String, HttpClient> sessions) {
        StaffUser typical = new StaffUser(InboxData.TYPICAL, List.of(Role.CONTACT_STAFF.groupId()));
        StaffUser heavy = new StaffUser(InboxData.HEAVY, List.of(Role.CONTACT_STAFF.groupId()));
        StaffUser department = new StaffUser(InboxData.DEPARTMENT_MEMBER,
                List.of(Role.DEPARTMENT.groupId(), InboxData.TYPICAL_DEPARTMENT));
        StaffUser intake = new StaffUser(InboxData.INTAKE, List.of(Role.INTAKE.groupId()));
        StaffUser smallTeam = new StaffUser(InboxData.TYPICAL_MANAGER, List.of(Role.MANAGER.groupId()));
        StaffUser bigTeam = new StaffUser(InboxData.HEAVY_MANAGER, List.of(Role.MANAGER.groupId()));

        List<Case> cases = new ArrayList<>();
        for (StaffUser person : List.of(typical, heavy)) {
            String who = person == typical ? "typical contact person" : "busy contact person";
            cases.add(add(sessions, "my tasks", who, person, InboxQuery.of(InboxView.MY_TASKS),
                    () -> taskService.createTaskQuery().taskAssignee(person.userId()), null));
        }
        for (StaffUser person : List.of(typical, heavy)) {
            String who = person == typical ? "typical contact person" : "busy contact person";
            cases.add(add(sessions, "my cases", who, person, InboxQuery.of(InboxView.MY_CASES),
                    () -> taskService.createTaskQuery().taskAssignee(person.userId()),
                    () -> instances(InitiativeProcess.VAR_CONTACT_PERSON, person.userId())));
        }
        cases.add(add(sessions, "my groups' tasks", "department (vej-park)", department,
                InboxQuery.of(InboxView.GROUP_TASKS), () -> taskService.createTaskQuery()
                        .taskCandidateGroupIn(department.groups()).taskDefinitionKey(InitiativeProcess.TASK_DECIDE_PERMIT),
                null));
        cases.add(add(sessions, "my groups' tasks", "intake", intake, InboxQuery.of(InboxView.GROUP_TASKS),
                () -> taskService.createTaskQuery().taskCandidateGroupIn(intake.groups()), null));
        for (StaffUser manager : List.of(smallTeam, bigTeam)) {
            String team = manager == smallTeam ? "bench-team-01" : "bench-team-02";
            String who = manager == smallTeam ? "manager of a typical team" : "manager of the busy person's team";
            String[] members = jdbc.queryForList("SELECT sp.user_id FROM staff_profile sp JOIN team t ON t.id = sp.team_id"
                    + " WHERE t.code = ?", String.class, team).toArray(String[]::new);
            cases.add(add(sessions, "team's cases", who, manager, InboxQuery.of(InboxView.TEAM_CASES),
                    () -> taskService.createTaskQuery().taskAssigneeIn(members),
                    () -> instances(InitiativeProcess.VAR_TEAM_CODE, team)));
        }
        // filters, search and paging on the longest personal list
        InboxQuery overdue = new InboxQuery(InboxView.MY_TASKS, null, null, null, InboxDue.OVERDUE, false, null,
                InboxSort.DEADLINE, 1, PAGE);
        cases.add(add(sessions, "my tasks, overdue", "busy contact person", heavy, overdue,
                () -> taskService.createTaskQuery().taskAssignee(heavy.userId()).dueBefore(new Date()), null));
        InboxQuery search = new InboxQuery(InboxView.MY_CASES, null, null, null, null, false, SEARCH, InboxSort.DEADLINE,
                1, PAGE);
        cases.add(add(sessions, "my cases, search by case number", "busy contact person", heavy, search,
                () -> taskService.createTaskQuery().taskAssignee(heavy.userId())
                        .processInstanceBusinessKeyLike("%" + SEARCH + "%"), null));
        InboxQuery page20 = InboxQuery.of(InboxView.MY_TASKS).withPage(20);
        cases.add(add(sessions, "my tasks, page 20", "busy contact person", heavy, page20,
                () -> taskService.createTaskQuery().taskAssignee(heavy.userId()), null));
        return cases;
    }

    /** One list measured the engine's way (its task query, the same page), the inbox's way and over HTTP. */
    private Case add(Map<String, HttpClient> sessions, String view, String who, StaffUser user, InboxQuery query,
            Supplier<TaskQuery> engineList, LongSupplier engineInstances) {
        String key = InboxController.url(query).substring("/indbakke?".length()) + " " + user.userId() + " ";
        int first = (int) query.offset();
        List<Variant> ways = new ArrayList<>();
        ways.add(new Variant(key + "engine", () -> {
            engineList.get().orderByDueDate().asc().orderByTaskCreateTime().asc().listPage(first, PAGE);
            return engineList.get().count() >= 0;
        }));
        ways.add(new Variant(key + "inbox", () -> inbox.page(user, query).total() >= 0));
        HttpClient session = sessions.get(user.userId());
        if (session != null) {
            HttpRequest page = HttpRequest.newBuilder(URI.create(base() + InboxController.url(query)))
                    .header("Accept", "text/html").header("Accept-Language", "da").GET().build();
            ways.add(new Variant(key + "http",
                    () -> session.send(page, HttpResponse.BodyHandlers.discarding()).statusCode() == 200));
        }
        return new Case(view, who, user, query, key, ways, engineInstances, () -> engineList.get().count());
    }

    /** The engine's page of process instances with a variable's value, and their count. */
    private long instances(String variable, String value) {
        runtimeService.createProcessInstanceQuery().processDefinitionKey(InitiativeProcess.KEY)
                .variableValueEquals(variable, value).orderByBusinessKey().asc().listPage(0, PAGE);
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(InitiativeProcess.KEY)
                .variableValueEquals(variable, value).count();
    }

    /**
     * The length of each way's list, and whether the inbox's total is the engine's count for the same list: the same
     * tasks for the task views, the same cases (process instances by variable) for the unfiltered case views.
     */
    private void checkSameList(Case c, Map<String, Long> sizes, Map<String, String> same) {
        long ours = inbox.page(c.user(), c.query()).total();
        long engineTasks = c.engineCount().getAsLong();
        sizes.put(c.key() + "inbox", ours);
        sizes.put(c.key() + "engine", engineTasks);
        if (c.query().view().listsTasks()) {
            same.put(c.key(), ours == engineTasks ? "the same list (" + ours + " tasks)"
                    : "DIFFERENT: inbox " + ours + ", engine " + engineTasks);
        }
        else if (c.engineInstances() != null) {
            String variable = c.query().view() == InboxView.MY_CASES ? InitiativeProcess.VAR_CONTACT_PERSON
                    : InitiativeProcess.VAR_TEAM_CODE;
            String value = c.query().view() == InboxView.MY_CASES ? c.user().userId()
                    : c.user().userId().equals(InboxData.TYPICAL_MANAGER) ? "bench-team-01" : "bench-team-02";
            long instances = runtimeService.createProcessInstanceQuery().variableValueEquals(variable, value).count();
            sizes.put(c.key() + "engine-instances", instances);
            same.put(c.key(), ours == instances ? "the same cases (" + ours + ")"
                    : "DIFFERENT: inbox " + ours + " cases, engine " + instances + " instances");
        }
    }

    // ---------------------------------------------------------------- HTTP sessions

    private String base() {
        return "http://localhost:" + port;
    }

    /** Logs each measured person in through the login form; null if the inbox page answers, else why not. */
    private String logIn(Map<String, HttpClient> sessions) throws Exception {
        for (String user : List.of(InboxData.TYPICAL, InboxData.HEAVY, InboxData.DEPARTMENT_MEMBER, InboxData.INTAKE,
                InboxData.TYPICAL_MANAGER, InboxData.HEAVY_MANAGER)) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                    .header("Accept-Language", "da").GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher csrf = CSRF.matcher(form.body());
            if (!csrf.find()) {
                return "the login page had no CSRF token";
            }
            String body = "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) + "&username=" + user
                    + "&password=" + InboxData.PASSWORD;
            HttpResponse<Void> login = client.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
                return "logging in as " + user + " failed (" + login.statusCode() + ")";
            }
            HttpResponse<Void> probe = client.send(HttpRequest.newBuilder(URI.create(base() + "/indbakke"))
                    .header("Accept-Language", "da").GET().build(), HttpResponse.BodyHandlers.discarding());
            if (probe.statusCode() != 200) {
                sessions.clear();
                return "`GET /indbakke` answered " + probe.statusCode() + " in this build";
            }
            sessions.put(user, client);
        }
        return null;
    }

    // ---------------------------------------------------------------- report

    /** Open tasks per BPMN element at the end of a growth step: element, count, overdue count. */
    private List<Object[]> census() {
        List<Object[]> rows = new ArrayList<>(jdbc.query("SELECT TASK_DEF_KEY_, COUNT(*), SUM(DUE_DATE_ < NOW()) "
                + "FROM ACT_RU_TASK GROUP BY TASK_DEF_KEY_ ORDER BY COUNT(*) DESC",
                (rs, n) -> new Object[] {"`" + rs.getString(1) + "`", rs.getLong(2), rs.getLong(3)}));
        rows.add(new Object[] {"no task (waiting for the follow-up timer or close-early)", jdbc.queryForObject(
                "SELECT COUNT(*) FROM initiative WHERE stage <> 'CLOSED' AND next_due_at IS NULL", Long.class), 0L});
        return rows;
    }

    private String section(List<Phase> phases, Duration prepared, String httpNote, Duration wholeRun) {
        StringBuilder md = new StringBuilder();
        md.append(Report.start(SECTION)).append('\n');
        md.append("## Staff inbox: each view side by side with the engine's own query\n\n");
        md.append("What is measured: the first page (25 rows, soonest deadline first) of each view of the staff inbox as one ")
                .append("person sees it, three ways in the same rounds, on the application as the tests boot it ")
                .append("(`@SpringBootTest` on a random port, local identity mode, a fresh embedded MariaDB, history level FULL, ")
                .append("job executor off):\n\n");
        md.append("- `engine`: Camunda's own query for the same list, the bare engine: `TaskService.createTaskQuery()` with ")
                .append("`taskAssignee` (my tasks; for my cases the contact person's tasks), `taskCandidateGroupIn` (my groups' ")
                .append("tasks: unassigned tasks offered to the groups; for a department also `taskDefinitionKey(Task_DecidePermit)`), ")
                .append("`taskAssigneeIn(the team's members)` (team's cases), with the filter where the engine has one ")
                .append("(`dueBefore(now)`, `processInstanceBusinessKeyLike`), `orderByDueDate().orderByTaskCreateTime()`, ")
                .append("`listPage(offset, 25)` plus `count()`: two statements, task rows only (no title, no citizen, no names), ")
                .append("without Camunda's authorization checks (no authenticated user)\n");
        md.append("- `inbox`: `Inbox.page(user, query)`: the page with the case's title, citizen, stage, contact person's name, ")
                .append("deadline state in working days, last citizen activity and unread messages, and the filtered total ")
                .append("(two statements)\n");
        md.append("- `http`: `GET /indbakke?visning=...` with the person's login session (keep-alive `java.net.http.HttpClient`): ")
                .append("security filters, the page as above, the count of each of the person's views for the tabs, the ")
                .append("catalogue for the filters, Thymeleaf rendering")
                .append(httpNote == null ? "" : " (not measured in this run: " + httpNote + ")").append("\n\n");
        md.append("The people: a typical contact person (").append(InboxData.TYPICAL_CASES).append(" open cases) and a busy one (")
                .append(InboxData.HEAVY_CASES).append(" open cases, the same at every data size); a department member ")
                .append("(`vej-park`, a small permit queue) and intake (the screening queue, ")
                .append(Math.round(InboxData.INTAKE_SHARE * 100)).append(" % of all open cases); the manager of a typical team ")
                .append("and the manager of the busy person's team (").append(InboxData.PER_TEAM).append(" contact persons each). ")
                .append("Filters, search and paging are measured on the busy person's lists. For the case views the engine has ")
                .append("no list of cases at all: `engine` is the person's (or team's) tasks, and the engine's nearest list of ")
                .append("cases, process instances by variable (`engine-instances`), is probed alone after the rounds, as it is ")
                .append("too slow to take turns.\n\n");
        md.append("The data (`src/benchmark/java/dk/initiativ/casework/InboxData.java`): ").append(InboxData.TEAMS)
                .append(" teams of ").append(InboxData.PER_TEAM).append(" contact persons and a manager (staff profiles and ")
                .append("Camunda users). Open cases are spread at random over the contact persons, the ")
                .append(InboxData.TOPICS.length).append(" topics and ").append(InboxData.DISTRICTS.length).append(" districts; ")
                .append("each has our rows (the case, and the funding application, permit or political forwarding its task is ")
                .append("about) and a process instance that the engine started right before the activity where the case waits ")
                .append("(`startBeforeActivity`, listeners on, so that the Spring event bridge keeps `next_due_at`), with the ")
                .append("variables the journey would have set; the engine evaluates the tasks' assignee, candidate group and due ")
                .append("date as always. The engine's clock is set back per day of creation (up to 6 weeks), so tasks were created ")
                .append("on different days and due dates from the working-day calendar lie before and after now. A batch of ")
                .append(BATCH).append(" cases is one transaction, on ").append(GENERATOR_THREADS).append(" threads. Every third ")
                .append("open case has a citizen message, half of them unread. Closed cases are rows of our tables only ")
                .append("(`initiative` and its submission event, written by MariaDB from its sequence engine), no engine history: ")
                .append("the views never read history. The throw-away database gets a 3 GiB buffer pool and ")
                .append("`innodb_flush_log_at_trx_commit = 2` before the data is written.\n\n");
        md.append("How: `./mvnw -Pbenchmark verify -Dtest=InboxBenchmark` (the `benchmark` Maven profile; no tests run) rewrites ")
                .append("this section. ").append(THREADS).append(" client threads; after each growth step a warm-up of ")
                .append(WARMUP_ROUNDS).append(" rounds x ").append(WARMUP_OPS).append(" ops per variant (discarded), then ")
                .append(ROUNDS).append(" rounds of up to ").append(OPS).append(" ops per variant (at most ").append(MAX_SECONDS)
                .append(" s each), the variants taking turns in a rotating order round by round so that machine noise hits all ")
                .append("of them. Latency per operation by `System.nanoTime`; p95 and p99 over all measured operations. Knobs: ")
                .append("`-Dbenchmark.inbox.open`, `.closed`, `.sizes` (fractions of them, e.g. `0.1,1`), `.threads`, `.rounds`, ")
                .append("`.ops`, `.maxSeconds`, `.warmupRounds`, `.warmupOps`, `.generatorThreads`, `.batch`, `.busyCases`, ")
                .append("`.typicalCases`, `.probeSeconds`.\n\n");
        md.append("Machine: ").append(Machine.describe(jdbc)).append(". Staff and teams set up in ").append(prepared.toSeconds())
                .append(" s; the whole run took ").append(wholeRun.toMinutes()).append(" min.");
        double cpuPerCase = phases.stream().mapToDouble(p -> p.growth().jvmCpuMsPerOpenCase() + p.growth().dbCpuMsPerOpenCase())
                .average().orElse(Double.NaN);
        md.append(String.format(Locale.ROOT, " An open case cost %.0f ms of CPU to generate (this JVM and mariadbd), so "
                        + "%,d open cases need at least %.0f min of generation on %d idle cores, and longer while other "
                        + "work shares them.%n%n", cpuPerCase, OPEN,
                OPEN * cpuPerCase / 1000 / 60 / Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().availableProcessors()));

        Map<String, double[]> firstAndLast = new LinkedHashMap<>();
        for (Phase phase : phases) {
            md.append(String.format(Locale.ROOT, "### %,d open and %,d closed cases%n%n", phase.open(), phase.closed()));
            md.append(String.format(Locale.ROOT,
                    "Generated in this step: %,d open cases in %d s (our rows and the engine's instances; CPU per case: "
                            + "this JVM %.1f ms, mariadbd %.1f ms), %,d closed in %d s. Load average before the rounds %s, "
                            + "after %s. CPU during the rounds (all cores = 100 %%): %s.%n%n",
                    phase.growth().openAdded(), phase.growth().openCases().toSeconds(),
                    phase.growth().jvmCpuMsPerOpenCase(), phase.growth().dbCpuMsPerOpenCase(), phase.growth().closedAdded(),
                    phase.growth().closedCases().toSeconds(), phase.loadBefore(), phase.loadAfter(), phase.cpu()));
            md.append("Where the open cases wait: ").append(String.join(", ", phase.census().stream()
                    .map(row -> String.format(Locale.ROOT, "%s %,d (%,d overdue)", row[0], (Long) row[1], (Long) row[2]))
                    .toList())).append(".\n\n");
            md.append("| view | whose list | rows | way | ops | median ms | p95 ms | p99 ms | median / engine | p95 / engine |\n");
            md.append("|---|---|---:|---|---:|---:|---:|---:|---:|---:|\n");
            for (Case c : phase.cases()) {
                double engineMedian = Double.NaN;
                double engineP95 = Double.NaN;
                for (Variant way : c.ways()) {
                    long[] all = Report.sorted(phase.segments().get(way.name()).stream()
                            .map(Segment::latenciesNanos).flatMapToLong(Arrays::stream).toArray());
                    double median = Report.percentile(all, 0.5) / 1e6;
                    double p95 = Report.percentile(all, 0.95) / 1e6;
                    if (Double.isNaN(engineMedian)) {
                        engineMedian = median;
                        engineP95 = p95;
                    }
                    String shortName = way.name().substring(way.name().lastIndexOf(' ') + 1);
                    Long rows = phase.listSizes().get(way.name());
                    md.append(String.format(Locale.ROOT, "| %s | %s | %s | `%s` | %d | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
                            c.view(), c.who(), rows == null ? "" : String.format(Locale.ROOT, "%,d", rows), shortName,
                            all.length, median, p95, Report.percentile(all, 0.99) / 1e6, median / engineMedian,
                            p95 / engineP95));
                    String key = c.view() + " | " + c.who() + " | `" + shortName + "`";
                    double[] seen = firstAndLast.get(key);
                    firstAndLast.put(key, seen == null ? new double[] {median, p95, median, p95, engineP95, engineP95}
                            : new double[] {seen[0], seen[1], median, p95, seen[4], engineP95});
                }
            }
            md.append('\n');
            md.append("The engine's own list of cases (`engine-instances`: `RuntimeService.createProcessInstanceQuery()` ")
                    .append("with `variableValueEquals` on `contactPerson` or `teamCode`, a page of 25 plus the count), ")
                    .append("called alone after the rounds:\n\n");
            md.append("| view | whose list | cases | calls | median ms | slowest ms | median / `inbox` median |\n");
            md.append("|---|---|---:|---:|---:|---:|---:|\n");
            phase.instanceProbes().forEach((c, times) -> {
                long[] sorted = Report.sorted(times);
                double inboxMedian = Report.percentile(Report.sorted(phase.segments().get(c.key() + "inbox").stream()
                        .map(Segment::latenciesNanos).flatMapToLong(Arrays::stream).toArray()), 0.5);
                Long rows = phase.listSizes().get(c.key() + "engine-instances");
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %.0f | %.0f | %.0f |%n", c.view(), c.who(),
                        rows == null ? "" : String.format(Locale.ROOT, "%,d", rows), times.length,
                        Report.percentile(sorted, 0.5) / 1e6, sorted[sorted.length - 1] / 1e6,
                        Report.percentile(sorted, 0.5) / inboxMedian));
            });
            md.append('\n');
            md.append("Do the ways list the same? ");
            md.append(String.join("; ", phase.sameList().entrySet().stream()
                    .map(e -> "`" + e.getKey().strip() + "`: " + e.getValue()).toList())).append(".\n\n");
        }

        if (phases.size() > 1) {
            Phase first = phases.get(0);
            Phase last = phases.get(phases.size() - 1);
            md.append(String.format(Locale.ROOT, "### How the cost grows from %,d to %,d open cases%n%n", first.open(),
                    last.open()));
            md.append("The two contact persons' own lists keep their length; the queues and teams grow with the data.\n\n");
            md.append("| view | whose list | way | median ms, small | median ms, large | p95 ms, small | p95 ms, large | p95 large / small |\n");
            md.append("|---|---|---|---:|---:|---:|---:|---:|\n");
            firstAndLast.forEach((key, v) -> md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
                    key, v[0], v[2], v[1], v[3], v[3] / v[1])));
            md.append('\n');
        }

        Phase last = phases.get(phases.size() - 1);
        md.append(String.format(Locale.ROOT, "### Against the target at %,d open and %,d closed cases%n%n", last.open(),
                last.closed()));
        md.append("Target (issue 10): p95 of every view at most 30 ms on this machine and within 2x of the bare engine query.\n\n");
        md.append("| view | whose list | `inbox` p95 ms | `inbox` p95 / `engine` p95 | `http` p95 ms | `http` p95 / `engine` p95 | met by `inbox` |\n");
        md.append("|---|---|---:|---:|---:|---:|---|\n");
        for (Case c : last.cases()) {
            double engine = p95(last, c.key() + "engine");
            double ours = p95(last, c.key() + "inbox");
            double http = last.segments().containsKey(c.key() + "http") ? p95(last, c.key() + "http") : Double.NaN;
            md.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %s | %s | %s |%n", c.view(), c.who(), ours,
                    ours / engine, Double.isNaN(http) ? "" : String.format(Locale.ROOT, "%.2f", http),
                    Double.isNaN(http) ? "" : String.format(Locale.ROOT, "%.2f", http / engine),
                    ours <= 30 && ours / engine <= 2 ? "yes" : ours <= 30 ? "30 ms yes, 2x no" : ours / engine <= 2
                            ? "2x yes, 30 ms no" : "no"));
        }
        md.append('\n');
        md.append("Reading the figures: the embedded MariaDB, the application and the client threads share the machine's ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, and other builds ran next door (see the ")
                .append("load averages and \"other\" CPU above): absolute times move from run to run, and a p95 on a busy ")
                .append("machine is mostly the neighbours' noise. Compare the ways measured side by side in one run (their ")
                .append("ratios), not numbers across runs. No test asserts any of these timings.\n");
        md.append(Report.end(SECTION)).append('\n');
        return md.toString();
    }

    private static double p95(Phase phase, String variant) {
        return Report.percentile(Report.sorted(phase.segments().get(variant).stream()
                .map(Segment::latenciesNanos).flatMapToLong(Arrays::stream).toArray()), 0.95) / 1e6;
    }
}
