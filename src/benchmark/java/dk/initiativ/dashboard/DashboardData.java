package dk.initiativ.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import dk.initiativ.benchmark.LoadDataFile;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard benchmark's municipality, written straight into our tables (no engine, no history): 40 teams of 50
 * contact persons, 10 funding pools, and cases with realistic timelines: closed cases submitted over the ten years
 * before {@code today} (screening within days, a contact person, the expectation agreement, support for weeks to
 * months, one of the outcomes; a tenth redirected or duplicates at screening), open cases submitted over the last
 * half year and waiting in the stage their age allows. Per case: the {@code initiative} row (with the voluntary age
 * band and home district for most), its timeline ({@code case_event}), the dashboard's projections of it
 * ({@code case_stage_visit}, {@code case_deadline}, shaped as {@code CaseTimelineProjection} keeps them), a funding
 * application for a fifth of the agreed cases and a survey answer for a third of the closed ones.
 * <p>
 * Each case's figures come from a random generator seeded by its id, so a case is the same whatever the thread or
 * the growth step. Rows go in as multi-row INSERTs ({@link MultiRowInsert}) on connections with foreign key and
 * unique checks off (the generator writes consistent rows), several threads each a range of ids.
 */
final class DashboardData {

    /**
     * The generator's version: raise it whenever a change here writes other rows, so that a kept database
     * ({@code -Dbenchmark.dashboard.dataDir}) of an older generator is not taken for this one's.
     */
    static final int VERSION = 1;
    static final int TEAMS = 40;
    static final int PER_TEAM = 50;
    static final int POOLS = 10;
    /** Closed cases get ids from here, open ones from {@link #FIRST_OPEN_ID}. */
    static final long FIRST_ID = 30_000_000L;
    static final long FIRST_OPEN_ID = 60_000_000L;

    static final String[] TOPICS = {"natur-miljoe", "kultur-fritid", "idraet-bevaegelse", "social-faellesskab",
            "boern-unge", "aeldre", "trafik-byrum", "erhverv-turisme"};
    static final String[] DISTRICTS = {"holbaek-by", "tuse-naes", "jyderup", "svinninge", "toelloese", "moerkoev"};
    /** Weights of the districts (the demo population, in hundreds). */
    static final int[] DISTRICT_WEIGHTS = {382, 63, 81, 55, 89, 58};
    static final String[] AGE_BANDS = {"UNDER_18", "FROM_18_TO_29", "FROM_30_TO_49", "FROM_50_TO_66", "FROM_67"};
    /** Submitters are older than the population: few under 18, most 30-66. */
    static final int[] AGE_WEIGHTS = {4, 12, 34, 32, 18};
    static final String[] TITLES = {"Bænk ved søen", "Naturlegeplads", "Repair café", "Fællesspisning", "Loppemarked",
            "Shelter ved skoven", "Lektiecafé", "Gåklub for ældre", "Byhave", "Sommerfestival", "Cykelværksted",
            "Strandrensning", "Bålhytte", "Motionssti", "Kulturnat"};
    static final String[] COMMENTS = {"God hjælp fra kontaktpersonen.", "Det tog for lang tid.",
            "Tak for støtten til vores fællesspisning.", "Svært at finde ud af ansøgningen.", "Rigtig fin dialog."};

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final boolean[] working;
    private final LocalDate calendarStart;
    private final LocalDate today;
    private final int threads;
    private final WorkingTime workingTime;
    private final Path directory;
    private final List<Long> pools = new ArrayList<>();
    private long closedCount;
    private long openCount;

    /** What one growth step wrote and how fast. */
    record Growth(long cases, long rows, Duration took, Duration summaries) {

        double rowsPerSecond() {
            return rows / Math.max(1e-9, took.toNanos() / 1e9);
        }

        double casesPerSecond() {
            return cases / Math.max(1e-9, took.toNanos() / 1e9);
        }
    }

    DashboardData(JdbcTemplate jdbc, DataSource dataSource, WorkingTime workingTime, LocalDate today, int threads) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.today = today;
        this.threads = threads;
        this.workingTime = workingTime;
        try {
            this.directory = Files.createTempDirectory("dashboard-data");
            // each file is deleted once loaded; the empty folder goes when the JVM ends
            directory.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.calendarStart = today.minusYears(11);
        int days = (int) (today.plusYears(2).toEpochDay() - calendarStart.toEpochDay());
        this.working = new boolean[days];
        for (int d = 0; d < days; d++) {
            working[d] = workingTime.calendar().isWorkingDay(calendarStart.plusDays(d));
        }
    }

    long closedCount() {
        return closedCount;
    }

    long openCount() {
        return openCount;
    }

    /**
     * The server's settings for a large load and large reads (not kept by the server across restarts, so set on
     * every start, also before Flyway migrates a kept database).
     */
    static void tune(JdbcTemplate jdbc) {
        // the embedded server's defaults suit tests; durability per commit does not matter for a throw-away database
        jdbc.execute("SET GLOBAL innodb_buffer_pool_size = "
                + Long.getLong("benchmark.dashboard.bufferPoolMiB", 2048) * 1024 * 1024);
        jdbc.execute("SET GLOBAL innodb_flush_log_at_trx_commit = 2");
        // a larger redo log: fewer checkpoints while millions of rows go in
        jdbc.execute("SET GLOBAL innodb_log_file_size = " + 1024L * 1024 * 1024);
    }

    /**
     * Takes up a kept database that holds {@code closed} and {@code open} cases of this generator (its pools), so
     * that {@link #growTo} adds only what is missing.
     */
    void resume(long closed, long open) {
        pools.addAll(jdbc.queryForList("SELECT id FROM funding_pool WHERE code LIKE 'bench-pool-%' ORDER BY code",
                Long.class));
        if (pools.size() != POOLS) {
            throw new IllegalStateException("the kept database has " + pools.size() + " benchmark pools, not " + POOLS);
        }
        closedCount = closed;
        openCount = open;
    }

    /** A throw-away database set up for a large load; teams, contact persons and pools. */
    void prepare() {
        tune(jdbc);
        List<Object[]> teams = new ArrayList<>();
        for (int t = 1; t <= TEAMS; t++) {
            teams.add(new Object[] {team(t), "Benchmark-team %02d".formatted(t), "benchdleder%02d".formatted(t)});
        }
        jdbc.batchUpdate("INSERT INTO team (code, name) VALUES (?, ?)",
                teams.stream().map(team -> new Object[] {team[0], team[1]}).toList());
        // one statement each: the driver's bulk protocol refuses INSERT ... SELECT in a batch (error 1295)
        for (Object[] team : teams) {
            jdbc.update("INSERT INTO team_manager (team_id, position, user_id) SELECT id, 0, ? FROM team WHERE code = ?",
                    team[2], team[0]);
        }
        List<Object[]> staff = new ArrayList<>();
        List<Object[]> absences = new ArrayList<>();
        for (int t = 1; t <= TEAMS; t++) {
            long teamId = jdbc.queryForObject("SELECT id FROM team WHERE code = ?", Long.class, team(t));
            for (int m = 1; m <= PER_TEAM; m++) {
                // every tenth person has a planned absence around today
                boolean away = m % 10 == 0;
                staff.add(new Object[] {person(t, m), "Kontaktperson %02d-%02d".formatted(t, m),
                        person(t, m) + "@example.org", teamId, 60});
                if (away) {
                    absences.add(new Object[] {today.minusDays(m % 7), today.plusDays(m % 11), person(t, m)});
                }
            }
        }
        jdbc.batchUpdate("INSERT INTO staff_profile (user_id, display_name, email, team_id, capacity) "
                + "VALUES (?, ?, ?, ?, ?)", staff);
        for (Object[] absence : absences) {
            jdbc.update("INSERT INTO staff_absence (staff_profile_id, first_day, last_day) "
                    + "SELECT id, ?, ? FROM staff_profile WHERE user_id = ?", absence);
        }
        for (int p = 1; p <= POOLS; p++) {
            String code = "bench-pool-%02d".formatted(p);
            jdbc.update("INSERT INTO funding_pool (code, name, criteria, total_budget, budget_left) "
                    + "VALUES (?, ?, 'Benchmark', 5000000.00, 2500000.00)", code, "Benchmarkpulje %02d".formatted(p));
            pools.add(jdbc.queryForObject("SELECT id FROM funding_pool WHERE code = ?", Long.class, code));
        }
    }

    static String team(int t) {
        return "bench-dash-%02d".formatted(t);
    }

    static String person(int t, int m) {
        return "benchdkp%02d%02d".formatted(t, m);
    }

    /** Adds closed and open cases until there are {@code closed} and {@code open} of them. */
    Growth growTo(long closed, long open) throws Exception {
        long start = System.nanoTime();
        List<long[]> ranges = new ArrayList<>();
        split(FIRST_ID + closedCount, FIRST_ID + closed, ranges);
        split(FIRST_OPEN_ID + openCount, FIRST_OPEN_ID + open, ranges);
        long rows = 0;
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> parts = new ArrayList<>();
            for (long[] range : ranges) {
                parts.add(executor.submit(() -> write(range[0], range[1])));
            }
            for (Future<Long> part : parts) {
                rows += part.get();
            }
        }
        finally {
            executor.shutdown();
        }
        // the per-day counts of deadlines (V46) with the backfill's set-based SQL (V47), as a migration fills them
        long summariesStart = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            DeadlineDays.rebuild(connection, workingTime.zone());
            // and of the flow and the stays (V48) as V49 fills them
            DeadlineDays.rebuildFlowAndStays(connection, workingTime.zone());
            // and the whole cases' lead times with their counts (V54) as V55 fills them
            DeadlineDays.rebuildLeads(connection, workingTime);
            // and the closed cases by outcome, topic and district (V56) as V57 fills them
            DeadlineDays.rebuildOutcomes(connection, workingTime.zone());
            // and the open cases and proposals per contact person (V59) as V59 fills them
            DeadlineDays.rebuildWorkload(connection);
            // and the funding applications (V60) as V61 fills them
            FundingDays.rebuild(connection, workingTime);
        }
        Duration summaries = Duration.ofNanos(System.nanoTime() - summariesStart);
        long cases = (closed - closedCount) + (open - openCount);
        closedCount = closed;
        openCount = open;
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        jdbc.execute("ANALYZE TABLE initiative, case_event, case_stage_visit, case_deadline, funding_application, "
                + "case_survey, dashboard_deadline_day, dashboard_flow_case, dashboard_flow_day, dashboard_stay_day, dashboard_lead_day, dashboard_outcome_day, dashboard_engagement_day, "
                + "dashboard_workload, dashboard_funding_case, dashboard_funding_day, dashboard_funding_waiting");
        return new Growth(cases, rows, took, summaries);
    }

    private void split(long from, long to, List<long[]> ranges) {
        long chunk = Math.max(1_000, (to - from) / (threads * 4L) + 1);
        for (long lo = from; lo < to; lo += chunk) {
            ranges.add(new long[] {lo, Math.min(to, lo + chunk)});
        }
    }

    /**
     * Cases with ids {@code from} (inclusive) to {@code to} (exclusive), written to tab-separated files and loaded
     * with {@code LOAD DATA INFILE}; returns the rows written.
     */
    private long write(long from, long to) throws SQLException {
        List<LoadDataFile> files = new ArrayList<>();
        try {
            LoadDataFile cases = add(files, new LoadDataFile(directory, "initiative", "id, case_number, title, "
                    + "description, topic, district, contact_name, contact_email, language, stage, outcome, "
                    + "submitted_at, closed_at, team_code, contact_person, profile_age_band, profile_district"));
            LoadDataFile events = add(files, new LoadDataFile(directory, "case_event",
                    "initiative_id, type, occurred_at, actor, visible_to_citizen"));
            LoadDataFile visits = add(files, new LoadDataFile(directory, "case_stage_visit",
                    "initiative_id, seq, stage, entered_at, left_at, working_days, team_code"));
            LoadDataFile deadlines = add(files, new LoadDataFile(directory, "case_deadline",
                    "initiative_id, seq, kind, started_at, due_at, ended_at, status, team_code"));
            LoadDataFile funding = add(files, new LoadDataFile(directory, "funding_application",
                    "initiative_id, pool_id, amount_requested, purpose, status, amount_granted, "
                            + "decision_reason, proposed_by, proposed_at, decided_by, decided_at"));
            LoadDataFile surveys = add(files, new LoadDataFile(directory, "case_survey",
                    "initiative_id, rating, comment, answered_at"));
            Writers writers = new Writers(cases, events, visits, deadlines, funding, surveys);
            for (long id = from; id < to; id++) {
                one(id, id < FIRST_OPEN_ID, writers);
            }
            files.forEach(LoadDataFile::close);
            try (Connection connection = dataSource.getConnection()) {
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    // the generator's threads load into the same tables: one waits for the other's AUTO-INC lock
                    // for as long as its LOAD DATA runs (over a minute per chunk at 1.1M on a loaded machine; the
                    // default 50 s failed a run with "Failed to read auto-increment value from storage engine")
                    statement.execute("SET SESSION foreign_key_checks = 0, unique_checks = 0,"
                            + " innodb_lock_wait_timeout = 3600");
                }
                try {
                    long rows = 0;
                    // the case rows first: the other tables refer to them
                    for (LoadDataFile file : files) {
                        rows += file.load(connection);
                    }
                    return rows;
                }
                finally {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("SET SESSION foreign_key_checks = 1, unique_checks = 1");
                    }
                    connection.setAutoCommit(autoCommit);
                }
            }
        }
        finally {
            files.forEach(LoadDataFile::close);
        }
    }

    private static LoadDataFile add(List<LoadDataFile> files, LoadDataFile file) {
        files.add(file);
        return file;
    }

    private record Writers(LoadDataFile cases, LoadDataFile events, LoadDataFile visits,
            LoadDataFile deadlines, LoadDataFile funding, LoadDataFile surveys) {
    }

    private void one(long id, boolean closed, Writers w) throws SQLException {
        SplittableRandom random = new SplittableRandom(id * 0x9E3779B97F4A7C15L);
        int t = 1 + random.nextInt(TEAMS);
        String team = team(t);
        String person = person(t, 1 + random.nextInt(PER_TEAM));
        String topic = TOPICS[random.nextInt(TOPICS.length)];
        String district = DISTRICTS[weighted(random, DISTRICT_WEIGHTS)];
        String ageBand = random.nextInt(100) < 80 ? AGE_BANDS[weighted(random, AGE_WEIGHTS)] : null;
        String home = random.nextInt(100) < 75
                ? (random.nextInt(100) < 85 ? district : DISTRICTS[weighted(random, DISTRICT_WEIGHTS)]) : null;

        // closed cases: closures spread evenly over the ten years before today (the case is submitted its journey's
        // length before its closing day, so the last weeks have as many closures as any others); open cases:
        // submitted over the last half year
        boolean screenedOut = closed && random.nextInt(100) < 10;
        int supportDays = 10 + random.nextInt(200);
        LocalDateTime submitted = closed
                ? at(today.minusDays(1 + random.nextInt(3_650) + (screenedOut ? 3 : supportDays + 14)), random)
                : at(today.minusDays(random.nextInt(180)), random);
        // the journey's moments; an open case stops at the stage its age allows
        LocalDateTime accepted = plusWorkingDays(submitted, random.nextInt(5), random);
        LocalDateTime proposed = accepted.plusMinutes(1);
        LocalDateTime assigned = plusWorkingDays(proposed, random.nextInt(4), random);
        LocalDateTime agreed = plusWorkingDays(assigned, 1 + random.nextInt(8), random);
        LocalDateTime ended = agreed.plusDays(supportDays);
        LocalDateTime now = today.atTime(12, 0);
        String stage;
        String outcome = null;
        LocalDateTime closedAt = null;
        if (closed) {
            stage = "CLOSED";
            if (screenedOut) {
                ended = plusWorkingDays(submitted, 1 + random.nextInt(3), random);
                outcome = random.nextBoolean() ? "REDIRECTED" : "DUPLICATE";
            }
            else {
                int pick = random.nextInt(100);
                outcome = pick < 40 ? "REALISED" : pick < 55 ? "PARTLY_REALISED"
                        : pick < 62 ? "HANDED_OVER_TO_ASSOCIATION" : pick < 67 ? "FORWARDED_TO_POLITICIANS"
                        : pick < 80 ? "NOT_REALISED" : pick < 90 ? "WITHDRAWN" : "INACTIVE";
            }
            if (ended.isAfter(now)) {
                ended = now.minusHours(1);
            }
            closedAt = ended;
        }
        else if (!accepted.isBefore(now)) {
            stage = "SUBMITTED";
        }
        else if (!assigned.isBefore(now)) {
            stage = "ACCEPTED";
        }
        else if (!agreed.isBefore(now)) {
            stage = "MATCHED";
        }
        else {
            stage = "AGREED";
        }
        boolean withPerson = !stage.equals("SUBMITTED") && !screenedOut;
        // each deadline carries its case's team, as the projection writes it (V46)
        String deadlineTeam = withPerson ? team : null;
        w.cases().row(id, "DB-" + id, TITLES[random.nextInt(TITLES.length)], "Et initiativ til benchmarken.", topic,
                district, "Borger " + id, "borger" + id + "@example.org", "da", stage, outcome, submitted, closedAt,
                withPerson ? team : null, withPerson ? person : null, ageBand, home);

        // the timeline and its projections
        w.events().row(id, "SUBMITTED", submitted, "citizen", true);
        int visit = 0;
        int deadline = 0;
        LocalDateTime screeningDue = plusWorkingDays(submitted, 3, null);
        if (screenedOut) {
            w.events().row(id, outcome.equals("REDIRECTED") ? "REDIRECTED" : "MARKED_DUPLICATE", ended, "intake", true);
            w.visits().row(id, ++visit, "SUBMITTED", submitted, ended, workingDays(submitted, ended), deadlineTeam);
            w.deadlines().row(id, ++deadline, "SCREENING", submitted, screeningDue, ended, status(ended, screeningDue),
                    deadlineTeam);
            return;
        }
        if (stage.equals("SUBMITTED")) {
            w.visits().row(id, ++visit, "SUBMITTED", submitted, null, null, deadlineTeam);
            w.deadlines().row(id, ++deadline, "SCREENING", submitted, screeningDue, null, "OPEN", deadlineTeam);
            return;
        }
        w.events().row(id, "ACCEPTED", accepted, "intake", true);
        w.events().row(id, "CONTACT_PROPOSED", proposed, "system", false);
        w.visits().row(id, ++visit, "SUBMITTED", submitted, accepted, workingDays(submitted, accepted), deadlineTeam);
        w.deadlines().row(id, ++deadline, "SCREENING", submitted, screeningDue, accepted, status(accepted, screeningDue),
                deadlineTeam);
        LocalDateTime acceptanceDue = plusWorkingDays(proposed, 2, null);
        if (stage.equals("ACCEPTED")) {
            w.visits().row(id, ++visit, "ACCEPTED", accepted, null, null, deadlineTeam);
            w.deadlines().row(id, ++deadline, "ACCEPTANCE", proposed, acceptanceDue, null, "OPEN", deadlineTeam);
            return;
        }
        w.events().row(id, "CONTACT_ASSIGNED", assigned, person, true);
        w.visits().row(id, ++visit, "ACCEPTED", accepted, assigned, workingDays(accepted, assigned), deadlineTeam);
        w.deadlines().row(id, ++deadline, "ACCEPTANCE", proposed, acceptanceDue, assigned,
                status(assigned, acceptanceDue), deadlineTeam);
        LocalDateTime firstContactDue = plusWorkingDays(assigned, 5, null);
        if (stage.equals("MATCHED")) {
            w.visits().row(id, ++visit, "MATCHED", assigned, null, null, deadlineTeam);
            w.deadlines().row(id, ++deadline, "FIRST_CONTACT", assigned, firstContactDue, null, "OPEN", deadlineTeam);
            return;
        }
        w.events().row(id, "AGREEMENT_RECORDED", agreed, person, true);
        w.visits().row(id, ++visit, "MATCHED", assigned, agreed, workingDays(assigned, agreed), deadlineTeam);
        w.deadlines().row(id, ++deadline, "FIRST_CONTACT", assigned, firstContactDue, agreed,
                status(agreed, firstContactDue), deadlineTeam);
        LocalDateTime followUpDue = plusWorkingDays(agreed, 30, null);
        if (random.nextInt(100) < 20) {
            LocalDateTime applied = plusWorkingDays(agreed, 1 + random.nextInt(5), random);
            LocalDateTime decided = plusWorkingDays(applied, 1 + random.nextInt(15), random);
            long pool = pools.get(random.nextInt(pools.size()));
            if (decided.isBefore(closed ? ended : now)) {
                boolean granted = random.nextInt(100) < 70;
                w.funding().row(id, pool, new BigDecimal("30000.00"), "Materialer og leje",
                        granted ? "GRANTED" : "REJECTED", granted ? new BigDecimal("20000.00") : null,
                        granted ? null : "Uden for puljens formål", person, applied, "benchpulje", decided);
                w.events().row(id, "FUNDING_PROPOSED", applied, person, true);
                w.events().row(id, granted ? "FUNDING_GRANTED" : "FUNDING_REJECTED", decided, "benchpulje", true);
            }
            else if (applied.isBefore(now)) {
                w.funding().row(id, pool, new BigDecimal("30000.00"), "Materialer og leje", "PROPOSED", null, null,
                        person, applied, null, null);
                w.events().row(id, "FUNDING_PROPOSED", applied, person, true);
            }
        }
        // follow-up check-ins: each answers the running follow-up deadline (due 30 working days after its start),
        // mostly in time, about one in ten late, and starts the next one
        LocalDateTime followUpStart = agreed;
        LocalDateTime until = closed ? ended : now;
        while (true) {
            LocalDateTime checkIn = plusWorkingDays(followUpStart, 10 + random.nextInt(23), random);
            if (!checkIn.isBefore(until)) {
                break;
            }
            w.events().row(id, "PROGRESS_RECORDED", checkIn, person, true);
            w.deadlines().row(id, ++deadline, "FOLLOW_UP", followUpStart, followUpDue, checkIn,
                    status(checkIn, followUpDue), deadlineTeam);
            followUpStart = checkIn;
            followUpDue = plusWorkingDays(checkIn, 30, null);
        }
        if (!closed) {
            w.visits().row(id, ++visit, "AGREED", agreed, null, null, deadlineTeam);
            w.deadlines().row(id, ++deadline, "FOLLOW_UP", followUpStart, followUpDue, null, "OPEN", deadlineTeam);
            return;
        }
        String closing = outcome.equals("WITHDRAWN") ? "WITHDRAWN"
                : outcome.equals("INACTIVE") ? "CLOSED_INACTIVE" : "CLOSED";
        w.events().row(id, closing, ended, person, true);
        w.visits().row(id, ++visit, "AGREED", agreed, ended, workingDays(agreed, ended), deadlineTeam);
        w.deadlines().row(id, ++deadline, "FOLLOW_UP", followUpStart, followUpDue, ended, status(ended, followUpDue),
                deadlineTeam);
        if (random.nextInt(100) < 33) {
            LocalDateTime answered = ended.plusDays(1 + random.nextInt(10));
            if (answered.isBefore(now)) {
                int rating = 1 + Math.min(4, random.nextInt(3) + random.nextInt(3));
                w.surveys().row(id, rating,
                        random.nextInt(100) < 20 ? COMMENTS[random.nextInt(COMMENTS.length)] : null, answered);
                w.events().row(id, "SURVEY_ANSWERED", answered, "citizen", true);
            }
        }
    }

    private static int weighted(SplittableRandom random, int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int pick = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            if (pick < weights[i]) {
                return i;
            }
            pick -= weights[i];
        }
        return weights.length - 1;
    }

    /** A moment of office hours (07-15 UTC) on {@code day}. */
    private static LocalDateTime at(LocalDate day, SplittableRandom random) {
        return day.atTime(7 + random.nextInt(8), random.nextInt(60), random.nextInt(60));
    }

    /** {@code n} working days after {@code start}'s day, at a random office hour (without random: the same time). */
    private LocalDateTime plusWorkingDays(LocalDateTime start, int n, SplittableRandom random) {
        int d = (int) (start.toLocalDate().toEpochDay() - calendarStart.toEpochDay());
        int remaining = n;
        while (remaining > 0) {
            d++;
            if (working[d]) {
                remaining--;
            }
        }
        LocalDate day = calendarStart.plusDays(d);
        return random == null ? day.atTime(start.toLocalTime()) : at(day, random);
    }

    /**
     * The working days between two moments (UTC wall-clock times) as the live projection stores them
     * ({@link WorkingTime}, three decimals).
     */
    private BigDecimal workingDays(LocalDateTime from, LocalDateTime to) {
        return BigDecimal.valueOf(workingTime.between(from.toInstant(ZoneOffset.UTC), to.toInstant(ZoneOffset.UTC)))
                .setScale(3, RoundingMode.HALF_UP);
    }

    private static String status(LocalDateTime ended, LocalDateTime due) {
        return ended.isAfter(due) ? "BREACHED" : "MET";
    }
}
