package dk.initiativ.casework;

import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import dk.initiativ.initiative.Stage;
import dk.initiativ.intake.ScreeningDecision;
import dk.initiativ.process.InitiativeProcess;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbox benchmark's municipality: staff in many teams, open cases that wait in the engine at the user tasks
 * of {@code bpmn/initiative.bpmn} (or at the follow-up gateway, without a task), and closed cases as rows of our
 * tables only. Grown in phases ({@link #growTo}), so that the views can be measured at two data sizes in one run.
 * <p>
 * Open cases: our rows (initiative, and the funding application, permit requirement or political forwarding that
 * the waiting task is about) are written with JDBC batches, and the process instance is started by the engine right
 * before the activity where the case waits ({@code startBeforeActivity}), with the variables the real journey
 * would have set there; the engine evaluates the task's assignee, candidate group and due date expressions as it
 * always does, and writes its runtime and history rows (history level FULL). A batch of cases is one transaction;
 * several threads work batches at once. The engine's clock is moved back per day of creation, so that tasks were
 * created on different days and their due dates (from the same working-day calendar as in production) lie before
 * and after now. Closed cases: {@code INSERT ... SELECT} from MariaDB's sequence engine, no engine history.
 */
final class InboxData {

    static final String TYPICAL = "benchkp0101";
    static final String HEAVY = "benchkp0201";
    static final String TYPICAL_MANAGER = "benchleder01";
    static final String HEAVY_MANAGER = "benchleder02";
    static final String INTAKE = "benchvisitation";
    static final String DEPARTMENT_MEMBER = "benchvejpark";
    static final String FUND_OFFICER = "benchpulje";
    static final String TYPICAL_DEPARTMENT = "vej-park";
    static final String BIG_DEPARTMENT = "byg-miljoe";
    static final String PASSWORD = "benchmark-password";

    static final int TEAMS = 40;
    static final int PER_TEAM = 50;
    /** Open cases of the two contact persons the benchmark follows; the same at every data size. */
    static final int TYPICAL_CASES = Integer.getInteger("benchmark.inbox.typicalCases", 50);
    static final int HEAVY_CASES = Integer.getInteger("benchmark.inbox.busyCases", 5_000);
    /** Shares of all open cases that wait for intake's screening and for the small department's permit. */
    static final double INTAKE_SHARE = 0.03;
    static final double TYPICAL_DEPARTMENT_SHARE = 0.003;

    static final String[] TOPICS = {"natur-miljoe", "kultur-fritid", "idraet-bevaegelse", "social-faellesskab",
            "boern-unge", "aeldre", "trafik-byrum", "erhverv-turisme"};
    static final String[] DISTRICTS = {"holbaek-by", "tuse-naes", "jyderup", "svinninge", "toelloese", "moerkoev"};
    static final String[] TITLES = {"Bænk ved søen", "Naturlegeplads", "Repair café", "Fællesspisning i forsamlingshuset",
            "Loppemarked på torvet", "Shelter ved skoven", "Lektiecafé", "Gåklub for ældre", "Byhave", "Sommerfestival",
            "Cykelværksted", "Strandrensning", "Madpakkeklub", "Bålhytte", "Motionssti", "Kulturnat"};
    static final String[] FIRST_NAMES = {"Anna", "Peter", "Mette", "Lars", "Sofie", "Jens", "Ida", "Mikkel", "Karen",
            "Søren", "Freja", "Rasmus", "Lene", "Niels", "Emma", "Ole", "Camilla", "Henrik", "Signe", "Bo"};
    static final String[] LAST_NAMES = {"Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen",
            "Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Christiansen",
            "Poulsen", "Johansen", "Møller", "Mortensen"};
    static final String[] OUTCOMES = {"REALISED", "REALISED", "PARTLY_REALISED", "HANDED_OVER_TO_ASSOCIATION",
            "FORWARDED_TO_POLITICIANS", "NOT_REALISED", "WITHDRAWN", "INACTIVE", "REDIRECTED"};

    /** Where an open case waits, with the stage our row has there and how many days ago the step began (at most). */
    enum Kind {
        SCREENING(InitiativeProcess.TASK_SCREEN_INITIATIVE, Stage.SUBMITTED, 5, 0),
        ACCEPT(InitiativeProcess.TASK_ACCEPT_CASE, Stage.ACCEPTED, 2, 5),
        REASSIGN(InitiativeProcess.TASK_REASSIGN_CASE, Stage.ACCEPTED, 4, 1),
        FIRST_CONTACT(InitiativeProcess.TASK_FIRST_CONTACT, Stage.MATCHED, 9, 10),
        PLAN(InitiativeProcess.TASK_PLAN_SUPPORT, Stage.AGREED, 9, 10),
        FUNDING(InitiativeProcess.TASK_DECIDE_FUNDING, Stage.AGREED, 9, 6),
        PERMIT(InitiativeProcess.SUBPROCESS_PERMIT + "#multiInstanceBody", Stage.AGREED, 12, 6),
        PARTNERS(InitiativeProcess.TASK_FOLLOW_UP_PARTNERS, Stage.AGREED, 9, 5),
        POLITICAL(InitiativeProcess.TASK_RECORD_POLITICAL_DECISION, Stage.AGREED, 40, 3),
        AWAIT_FOLLOW_UP(InitiativeProcess.GATEWAY_AWAIT_FOLLOW_UP, Stage.AGREED, 42, 45),
        FOLLOW_UP(InitiativeProcess.TASK_FOLLOW_UP, Stage.AGREED, 9, 6),
        CLOSE(InitiativeProcess.TASK_CLOSE_CASE, Stage.AGREED, 9, 3);

        final String activity;
        final Stage stage;
        final int maxDaysAgo;
        /** Share in percent among the cases of contact persons (screening is intake's, not weighted). */
        final int weight;

        Kind(String activity, Stage stage, int maxDaysAgo, int weight) {
            this.activity = activity;
            this.stage = stage;
            this.maxDaysAgo = maxDaysAgo;
            this.weight = weight;
        }
    }

    record Staff(String userId, String teamCode, String manager) {
    }

    record OpenCase(long id, String caseNumber, Kind kind, Staff staff, String topic, String district, String title,
            String citizen, int daysAgo, String department, int permitDueInDays) {
    }

    /** What one growth step did and how long it took. */
    record Growth(int openAdded, int closedAdded, Duration openCases, Duration closedCases, Duration total,
            double jvmCpuMsPerOpenCase, double dbCpuMsPerOpenCase) {
    }

    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final TransactionTemplate transactions;
    private final int threads;
    private final int batchSize;
    private final boolean skipCustomListeners;
    private final Random random = new Random(20261201L);
    private final List<Staff> background = new ArrayList<>();
    private final Map<String, Staff> staffById = new HashMap<>();
    private final List<Long> poolIds = new ArrayList<>();
    private int openCount;
    private int closedCount;

    InboxData(JdbcTemplate jdbc, RuntimeService runtime, IdentityService identity, PlatformTransactionManager txm,
            int threads, int batchSize, boolean skipCustomListeners) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.identity = identity;
        this.transactions = new TransactionTemplate(txm);
        this.threads = threads;
        this.batchSize = batchSize;
        this.skipCustomListeners = skipCustomListeners;
    }

    int openCount() {
        return openCount;
    }

    int closedCount() {
        return closedCount;
    }

    /** The database set up for a large load (a benchmark's throw-away database), teams, staff and their logins. */
    Duration prepare() {
        long start = System.nanoTime();
        // the embedded server's defaults (128 MiB buffer pool) suit tests, not 1.1 million cases: a production
        // server has its buffer pool sized to its data. Durability per commit is irrelevant for a throw-away database.
        jdbc.execute("SET GLOBAL innodb_buffer_pool_size = " + Long.getLong("benchmark.inbox.bufferPoolMiB", 3072) * 1024 * 1024);
        jdbc.execute("SET GLOBAL innodb_flush_log_at_trx_commit = 2");
        // the case numbers of new submissions (INI-2026-NNNNN) stay clear of the generated ones
        jdbc.execute("ALTER SEQUENCE case_number_seq RESTART WITH 900000");
        poolIds.addAll(jdbc.queryForList("SELECT id FROM funding_pool ORDER BY id", Long.class));
        if (poolIds.isEmpty()) {
            throw new IllegalStateException("no funding pools: the demo reference data was not seeded");
        }

        List<Object[]> teams = new ArrayList<>();
        List<Object[]> profiles = new ArrayList<>();
        for (int t = 1; t <= TEAMS; t++) {
            String team = "bench-team-%02d".formatted(t);
            String manager = "benchleder%02d".formatted(t);
            teams.add(new Object[] {team, "Team %02d".formatted(t), manager});
            for (int m = 1; m <= PER_TEAM; m++) {
                String user = "benchkp%02d%02d".formatted(t, m);
                Staff staff = new Staff(user, team, manager);
                staffById.put(user, staff);
                if (!user.equals(TYPICAL) && !user.equals(HEAVY)) {
                    background.add(staff);
                }
                profiles.add(new Object[] {user, name(t * 100 + m), user + "@example.org", team});
            }
        }
        jdbc.batchUpdate("INSERT INTO team (code, name, manager_group) VALUES (?, ?, 'manager')",
                teams.stream().map(team -> new Object[] {team[0], team[1]}).toList());
        jdbc.batchUpdate("INSERT INTO team_manager (team_id, position, user_id) SELECT id, 0, ? FROM team WHERE code = ?",
                teams.stream().map(team -> new Object[] {team[2], team[0]}).toList());
        Map<String, Long> teamIds = new HashMap<>();
        jdbc.query("SELECT code, id FROM team", rs -> {
            teamIds.put(rs.getString(1), rs.getLong(2));
        });
        profiles.forEach(profile -> profile[3] = teamIds.get((String) profile[3]));
        jdbc.batchUpdate("INSERT INTO staff_profile (user_id, display_name, email, team_id, capacity) "
                + "VALUES (?, ?, ?, ?, 6000)", profiles);

        // logins for the people whose views are measured over HTTP, and Camunda users for everyone, as the
        // identity provider would have them (names are read from there)
        transactions.executeWithoutResult(tx -> {
            for (int t = 1; t <= TEAMS; t++) {
                saveUser("benchleder%02d".formatted(t), "Leder", "%02d".formatted(t), "manager");
                for (int m = 1; m <= PER_TEAM; m++) {
                    saveUser("benchkp%02d%02d".formatted(t, m), FIRST_NAMES[(t * 100 + m) % FIRST_NAMES.length],
                            LAST_NAMES[(t * 100 + m) / FIRST_NAMES.length % LAST_NAMES.length], "contact-staff");
                }
            }
            saveUser(INTAKE, "Ivan", "Visitation", "intake");
            saveUser(DEPARTMENT_MEMBER, "Vera", "Vejpark", TYPICAL_DEPARTMENT);
            saveUser(FUND_OFFICER, "Palle", "Pulje", "fund-officer");
        });
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private void saveUser(String id, String first, String last, String group) {
        User user = identity.newUser(id);
        user.setFirstName(first);
        user.setLastName(last);
        user.setEmail(id + "@example.org");
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(id, group);
    }

    /**
     * Adds open and closed cases until there are {@code open} and {@code closed} of them. The two contact persons
     * the benchmark follows get all their open cases in the first step.
     */
    Growth growTo(int open, int closed) throws Exception {
        long start = System.nanoTime();
        List<OpenCase> cases = new ArrayList<>();
        int add = open - openCount;
        if (openCount == 0) {
            for (int i = 0; i < TYPICAL_CASES; i++) {
                cases.add(plan(staffById.get(TYPICAL), contactPersonKind()));
            }
            for (int i = 0; i < HEAVY_CASES; i++) {
                cases.add(plan(staffById.get(HEAVY), contactPersonKind()));
            }
        }
        int intake = (int) Math.round(open * INTAKE_SHARE) - (int) Math.round(openCount * INTAKE_SHARE);
        int smallDepartment = (int) Math.round(open * TYPICAL_DEPARTMENT_SHARE)
                - (int) Math.round(openCount * TYPICAL_DEPARTMENT_SHARE);
        for (int i = 0; i < intake; i++) {
            cases.add(plan(null, Kind.SCREENING, null));
        }
        // the small department (vej-park) decides a fixed share of the permits, the big one (byg-miljoe) all others
        for (int i = 0; i < smallDepartment; i++) {
            cases.add(plan(anyBackground(), Kind.PERMIT, TYPICAL_DEPARTMENT));
        }
        while (cases.size() < add) {
            cases.add(plan(anyBackground(), contactPersonKind()));
        }

        java.util.Optional<ProcessHandle> database = dk.initiativ.benchmark.Machine.databaseProcess();
        long jvmCpu = dk.initiativ.benchmark.Machine.jvmCpuNanos();
        long dbCpu = database.map(dk.initiativ.benchmark.Machine::cpuNanos).orElse(0L);
        long openStart = System.nanoTime();
        long firstId = 10_000_000L + openCount - cases.size() + 1;
        startInEngine(cases);
        insertActivity(firstId, 10_000_000L + openCount);
        Duration openCases = Duration.ofNanos(System.nanoTime() - openStart);
        double jvmPerCase = (dk.initiativ.benchmark.Machine.jvmCpuNanos() - jvmCpu) / 1e6 / Math.max(1, cases.size());
        double dbPerCase = (database.map(dk.initiativ.benchmark.Machine::cpuNanos).orElse(0L) - dbCpu) / 1e6
                / Math.max(1, cases.size());

        long closedStart = System.nanoTime();
        int closedAdded = closed - closedCount;
        insertClosed(closedCount + 1, closed);
        Duration closedRows = Duration.ofNanos(System.nanoTime() - closedStart);
        closedCount = closed;
        jdbc.execute("ANALYZE TABLE initiative, ACT_RU_TASK, ACT_RU_IDENTITYLINK, ACT_RU_EXECUTION, ACT_RU_VARIABLE");
        return new Growth(cases.size(), closedAdded, openCases, closedRows, Duration.ofNanos(System.nanoTime() - start),
                jvmPerCase, dbPerCase);
    }

    private Staff anyBackground() {
        return background.get(random.nextInt(background.size()));
    }

    private Kind contactPersonKind() {
        int pick = random.nextInt(100);
        for (Kind kind : Kind.values()) {
            if (pick < kind.weight) {
                return kind;
            }
            pick -= kind.weight;
        }
        throw new IllegalStateException("weights do not add up to 100");
    }

    private OpenCase plan(Staff staff, Kind kind) {
        return plan(staff, kind, BIG_DEPARTMENT);
    }

    private OpenCase plan(Staff staff, Kind kind, String department) {
        int n = ++openCount;
        int seed = random.nextInt(1_000_000);
        return new OpenCase(10_000_000L + n, "INI-2026-%06d".formatted(n), kind, staff,
                TOPICS[seed % TOPICS.length], DISTRICTS[seed / 8 % DISTRICTS.length],
                TITLES[seed / 48 % TITLES.length] + " " + n, name(seed), random.nextInt(kind.maxDaysAgo + 1),
                kind == Kind.PERMIT ? department : null, random.nextInt(21) - 5);
    }

    private static String name(int seed) {
        return FIRST_NAMES[seed % FIRST_NAMES.length] + " " + LAST_NAMES[seed / FIRST_NAMES.length % LAST_NAMES.length];
    }

    /**
     * Day by day of creation (oldest first): the engine's clock is set back to that day, and the day's cases are
     * started in batches on the worker threads. Our rows go in the same transaction as the batch's instances.
     */
    private void startInEngine(List<OpenCase> cases) throws Exception {
        TreeMap<Integer, List<OpenCase>> byDay = cases.stream()
                .collect(Collectors.groupingBy(OpenCase::daysAgo, TreeMap::new, Collectors.toList()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger done = new AtomicInteger();
        Instant now = Instant.now();
        long started = System.nanoTime();
        try {
            for (Map.Entry<Integer, List<OpenCase>> day : byDay.descendingMap().entrySet()) {
                // the clock keeps running from there: create times differ within a day as well
                ClockUtil.offset(-Duration.ofDays(day.getKey()).toMillis());
                List<Future<?>> batches = new ArrayList<>();
                List<OpenCase> list = day.getValue();
                // a small day still keeps every worker busy
                int size = Math.max(20, Math.min(batchSize, (list.size() + 2 * threads - 1) / (2 * threads)));
                for (int from = 0; from < list.size(); from += size) {
                    List<OpenCase> batch = list.subList(from, Math.min(list.size(), from + size));
                    batches.add(pool.submit(() -> {
                        transactions.executeWithoutResult(tx -> {
                            insertOurRows(batch, now);
                            for (OpenCase c : batch) {
                                runtime.createProcessInstanceByKey(InitiativeProcess.KEY)
                                        .businessKey(c.caseNumber())
                                        .setVariables(variables(c))
                                        .startBeforeActivity(c.kind().activity)
                                        .execute(skipCustomListeners, true);
                            }
                        });
                        int total = done.addAndGet(batch.size());
                        if (total / 5_000 != (total - batch.size()) / 5_000) {
                            double seconds = (System.nanoTime() - started) / 1e9;
                            System.out.printf(Locale.ROOT, "  %,d open cases started (%.0f/s, load %s)%n", total,
                                    total / seconds, dk.initiativ.benchmark.Machine.loadAverage());
                        }
                        return null;
                    }));
                }
                for (Future<?> batch : batches) {
                    batch.get();
                }
            }
        }
        finally {
            ClockUtil.reset();
            pool.shutdownNow();
        }
    }

    private Map<String, Object> variables(OpenCase c) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(InitiativeProcess.VAR_INITIATIVE_ID, c.id());
        variables.put(InitiativeProcess.VAR_CASE_NUMBER, c.caseNumber());
        variables.put(InitiativeProcess.VAR_TOPIC, c.topic());
        variables.put(InitiativeProcess.VAR_DISTRICT, c.district());
        variables.put(InitiativeProcess.VAR_HELP_WANTED, "");
        if (c.kind() == Kind.SCREENING) {
            return variables;
        }
        variables.put(InitiativeProcess.VAR_SCREENING_DECISION, ScreeningDecision.ACCEPT.value());
        variables.put(InitiativeProcess.VAR_TEAM_CODE, c.staff().teamCode());
        variables.put(InitiativeProcess.VAR_TEAM_MANAGER, c.staff().manager());
        variables.put(InitiativeProcess.VAR_CONTACT_PERSON, c.kind() == Kind.REASSIGN ? null : c.staff().userId());
        if (c.kind() == Kind.ACCEPT || c.kind() == Kind.REASSIGN) {
            return variables;
        }
        variables.put(InitiativeProcess.VAR_CASE_ACCEPTED, true);
        switch (c.kind()) {
            case FUNDING -> {
                variables.put(InitiativeProcess.VAR_NEEDS_FUNDING, true);
                variables.put(InitiativeProcess.VAR_FUNDING_AMOUNT, 25_000L);
                variables.put(InitiativeProcess.VAR_FUNDING_APPLICATION_ID, c.id());
                variables.put(InitiativeProcess.VAR_FUNDING_OFFICER_GROUP, "fund-officer");
            }
            case PERMIT -> {
                variables.put(InitiativeProcess.VAR_NEEDS_PERMITS, true);
                variables.put(InitiativeProcess.VAR_PERMIT_LINES, "Brug af offentligt areal; " + c.department());
            }
            case PARTNERS -> {
                variables.put(InitiativeProcess.VAR_NEEDS_PARTNERS, true);
                variables.put(InitiativeProcess.VAR_PARTNER_IDS, "");
            }
            case POLITICAL -> {
                variables.put(InitiativeProcess.VAR_NEEDS_POLITICAL, true);
                variables.put(InitiativeProcess.VAR_COMMITTEE, "Kultur- og fritidsudvalget");
            }
            default -> {
            }
        }
        return variables;
    }

    private void insertOurRows(List<OpenCase> batch, Instant now) {
        List<Object[]> initiatives = new ArrayList<>();
        List<Object[]> funding = new ArrayList<>();
        List<Object[]> permits = new ArrayList<>();
        List<Object[]> political = new ArrayList<>();
        for (OpenCase c : batch) {
            Instant began = now.minus(Duration.ofDays(c.daysAgo()));
            LocalDateTime submitted = utc(began.minus(Duration.ofDays(c.kind().ordinal() * 4L)));
            String contact = c.staff() == null || c.kind() == Kind.REASSIGN ? null : c.staff().userId();
            initiatives.add(new Object[] {c.id(), c.caseNumber(), c.title(),
                    "Et initiativ til benchmarken: " + c.title() + ".", c.topic(), c.district(), c.citizen(),
                    "borger" + c.id() + "@example.org", c.kind().stage.name(), submitted,
                    c.staff() == null ? null : c.staff().teamCode(), contact});
            String by = c.staff() == null ? "system" : c.staff().userId();
            switch (c.kind()) {
                case FUNDING -> funding.add(new Object[] {c.id(), c.id(), poolIds.get((int) (c.id() % poolIds.size())),
                        "Materialer og leje", by, utc(began)});
                case PERMIT -> permits.add(new Object[] {c.id(), c.id(), c.department(),
                        Date.valueOf(LocalDate.ofInstant(now, ZoneId.of("Europe/Copenhagen")).plusDays(c.permitDueInDays())),
                        by, utc(began)});
                case POLITICAL -> political.add(new Object[] {c.id(), c.id(), by, utc(began)});
                default -> {
                }
            }
        }
        jdbc.batchUpdate("INSERT INTO initiative (id, case_number, title, description, topic, district, contact_name, "
                + "contact_email, language, stage, submitted_at, team_code, contact_person) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'da', ?, ?, ?, ?)", initiatives);
        if (!funding.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO funding_application (id, initiative_id, pool_id, amount_requested, purpose, "
                    + "status, proposed_by, proposed_at) VALUES (?, ?, ?, 25000, ?, 'PROPOSED', ?, ?)", funding);
        }
        if (!permits.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO permit_requirement (id, initiative_id, kind, department_group, due_date, "
                    + "status, requested_by, requested_at) VALUES (?, ?, 'Brug af offentligt areal', ?, ?, 'REQUIRED', ?, ?)",
                    permits);
        }
        if (!political.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO political_decision (id, initiative_id, committee, forwarded_by, forwarded_at) "
                    + "VALUES (?, ?, 'Kultur- og fritidsudvalget', ?, ?)", political);
        }
    }

    /**
     * Closed cases {@code from}..{@code to} (1-based), written by the database itself from its sequence engine in
     * chunks of 100,000: spread over ten years, topics, districts, outcomes and all contact persons, a twentieth of
     * them the heavy contact person's.
     */
    private void insertClosed(int from, int to) {
        for (int lo = from; lo <= to; lo += 100_000) {
            int hi = Math.min(to, lo + 99_999);
            jdbc.update("INSERT INTO initiative (id, case_number, title, description, topic, district, contact_name, "
                    + "contact_email, language, stage, outcome, submitted_at, closed_at, team_code, contact_person) "
                    + "SELECT 20000000 + seq, CONCAT('INI-', 2016 + seq % 10, '-', LPAD(seq DIV 10, 6, '0')), "
                    + "CONCAT(" + elt("seq DIV 7", TITLES) + ", ' ', seq), 'Et afsluttet initiativ.', "
                    + elt("seq", TOPICS) + ", " + elt("seq DIV 8", DISTRICTS) + ", "
                    + "CONCAT(" + elt("seq", FIRST_NAMES) + ", ' ', " + elt("seq DIV 20", LAST_NAMES) + "), "
                    + "CONCAT('borger', seq, '@example.org'), 'da', 'CLOSED', " + elt("seq DIV 3", OUTCOMES) + ", "
                    + "TIMESTAMP('2016-01-01') + INTERVAL (seq % 3650) DAY, "
                    + "TIMESTAMP('2016-01-01') + INTERVAL (seq % 3650 + 20 + seq % 200) DAY, "
                    + "IF(seq % 20 = 0, 'bench-team-02', CONCAT('bench-team-', LPAD(1 + seq DIV 7 % 40, 2, '0'))), "
                    + "IF(seq % 20 = 0, '" + HEAVY + "', CONCAT('benchkp', LPAD(1 + seq DIV 7 % 40, 2, '0'), "
                    + "LPAD(1 + seq DIV 280 % 50, 2, '0'))) "
                    + "FROM seq_" + lo + "_to_" + hi);
            jdbc.update("INSERT INTO case_event (initiative_id, type, occurred_at, actor, visible_to_citizen) "
                    + "SELECT id, 'SUBMITTED', submitted_at, 'citizen', TRUE FROM initiative WHERE id BETWEEN ? AND ?",
                    20_000_000L + lo, 20_000_000L + hi);
        }
    }

    /**
     * The timeline's submission entry of each new open case, a citizen's message on every third case, and on half
     * of those the contact person has opened the case since (read); the other half count as unread.
     */
    private void insertActivity(long fromId, long toId) {
        jdbc.update("INSERT INTO case_event (initiative_id, type, occurred_at, actor, visible_to_citizen) "
                + "SELECT id, 'SUBMITTED', submitted_at, 'citizen', TRUE FROM initiative WHERE id BETWEEN ? AND ?",
                fromId, toId);
        jdbc.update("INSERT INTO case_message (initiative_id, from_citizen, author, body, sent_at) "
                + "SELECT id, TRUE, contact_name, 'Hej, er der nyt i min sag?', submitted_at + INTERVAL 1 DAY "
                + "FROM initiative WHERE id BETWEEN ? AND ? AND id % 3 = 0", fromId, toId);
        jdbc.update("INSERT INTO case_read (initiative_id, user_id, read_at) "
                + "SELECT id, contact_person, submitted_at + INTERVAL 2 DAY FROM initiative "
                + "WHERE id BETWEEN ? AND ? AND id % 6 = 0 AND contact_person IS NOT NULL", fromId, toId);
    }

    /** Our tables keep UTC wall-clock times (as Hibernate writes them). */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String elt(String index, String[] values) {
        return "ELT(1 + (" + index + ") % " + values.length + ", "
                + java.util.Arrays.stream(values).map(v -> "'" + v.replace("'", "''") + "'").collect(Collectors.joining(", "))
                + ")";
    }

    /** Open cases per contact person, for the report. */
    Map<String, Integer> openCasesOf(List<String> users) {
        Map<String, Integer> counts = new HashMap<>();
        for (String user : users) {
            counts.put(user, jdbc.queryForObject(
                    "SELECT COUNT(*) FROM initiative WHERE contact_person = ? AND stage <> 'CLOSED'", Integer.class, user));
        }
        return counts;
    }
}
