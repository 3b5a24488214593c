package dk.initiativ.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dk.initiativ.dashboard.CaseTimeline.Kind;
import dk.initiativ.dashboard.DashboardTable.CaseLink;
import dk.initiativ.dashboard.DashboardTable.Cell;
import dk.initiativ.dashboard.DashboardTable.Column;
import dk.initiativ.dashboard.DashboardTable.Count;
import dk.initiativ.dashboard.DashboardTable.Empty;
import dk.initiativ.dashboard.DashboardTable.Share;
import dk.initiativ.dashboard.DashboardTable.Text;
import dk.initiativ.permits.PermitRequirements;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Section 30, deadlines: for each promised deadline the share met on time among those that fell due in the period
 * (up to now), and the list of the deadlines breached now or due within one working day, each with its case.
 * Screening, acceptance, first contact and follow-up come from {@code case_deadline} ({@link CaseTimeline}); permit
 * decisions from {@code permit_requirement} (due at {@link PermitRequirements#DUE_TIME} on the due date, met when
 * decided by then; a permit still undecided when its case closed ends with the closing).
 */
@Component
class DeadlinesSection implements DashboardSection {

    private final NamedParameterJdbcTemplate jdbc;
    private final MessageSource messages;
    private final WorkingTime workingTime;
    private final Clock clock;

    DeadlinesSection(NamedParameterJdbcTemplate jdbc, MessageSource messages, WorkingTime workingTime, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.workingTime = workingTime;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    @Transactional(readOnly = true)
    public List<DashboardTable> tables(DashboardScope scope, Locale locale) {
        return tables(scope, locale, clock.instant());
    }

    /** As {@link #tables(DashboardScope, Locale)} at a given moment (tests). */
    @Transactional(readOnly = true)
    List<DashboardTable> tables(DashboardScope scope, Locale locale, Instant now) {
        return List.of(shares(scope, locale, now), due(scope, locale, now));
    }

    /** The deadlines breached now, in all teams (the operators' gauge). */
    @Transactional(readOnly = true)
    long breachedNow(Instant now) {
        MapSqlParameterSource params = new MapSqlParameterSource("now", ScopeSql.wall(now));
        Long own = jdbc.queryForObject("SELECT COUNT(*) FROM case_deadline d WHERE d.open_flag = 1 AND d.due_at < :now",
                params, Long.class);
        long permits = openPermits(new MapSqlParameterSource(), "").stream()
                .filter(permit -> permit.dueAt().isBefore(now)).count();
        return (own == null ? 0 : own) + permits;
    }

    private DashboardTable shares(DashboardScope scope, Locale locale, Instant now) {
        MapSqlParameterSource params = new MapSqlParameterSource("now", ScopeSql.wall(now));
        ScopeSql.period(scope, workingTime.zone(), params);
        String filters = ScopeSql.filters(scope, params);
        Map<Kind, long[]> tally = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            tally.put(kind, new long[2]);
        }
        RowCallbackHandler add = rs -> {
            long[] counts = tally.get(Kind.valueOf(rs.getString("kind")));
            counts[0] += rs.getLong("met");
            counts[1] += rs.getLong("breached");
        };
        if (scope.topic().isEmpty() && scope.district().isEmpty()) {
            // all teams or some: the days before today from the per-day counts (V46, ADR 0043; every deadline of
            // those days that is still open is past due), today and later from the deadlines themselves, which carry
            // their case's team
            LocalDate today = now.atZone(workingTime.zone()).toLocalDate();
            LocalDate lastCounted = scope.to().isBefore(today) ? scope.to() : today.minusDays(1);
            // all teams: their own row per kind and day (V58, ADR 0052), not every team's
            String teams = scope.allTeams() ? " AND team_key = '" + DeadlineDays.ALL_TEAMS + "'"
                    : " AND team_key IN (:teams)";
            if (!scope.from().isAfter(lastCounted)) {
                // this transaction's own changes of the counts first (they are written just before it commits)
                DeadlineDays.flush();
                jdbc.query("SELECT kind, SUM(met) AS met, SUM(breached + open_count) AS breached"
                        + " FROM dashboard_deadline_day WHERE due_day >= :firstDay AND due_day <= :lastCounted" + teams
                        + " GROUP BY kind", new MapSqlParameterSource(params.getValues())
                                .addValue("firstDay", scope.from()).addValue("lastCounted", lastCounted), add);
            }
            LocalDateTime todayStart = ScopeSql.wall(today.atStartOfDay(workingTime.zone()).toInstant());
            LocalDateTime periodStart = (LocalDateTime) params.getValue("periodStart");
            jdbc.query("SELECT d.kind, SUM(d.status = 'MET') AS met, SUM(d.status <> 'MET') AS breached"
                    + " FROM case_deadline d WHERE d.due_at >= :restStart AND d.due_at < :periodEnd"
                    + " AND d.status <> 'CANCELLED' AND (d.status <> 'OPEN' OR d.due_at < :now)"
                    + (scope.allTeams() ? "" : " AND d.team_code IN (:teams)") + " GROUP BY d.kind",
                    new MapSqlParameterSource(params.getValues()).addValue("restStart",
                            todayStart.isAfter(periodStart) ? todayStart : periodStart), add);
        } else {
            jdbc.query("SELECT d.kind, SUM(d.status = 'MET') AS met, SUM(d.status <> 'MET') AS breached"
                    + " FROM case_deadline d JOIN initiative i ON i.id = d.initiative_id"
                    + " WHERE d.due_at >= :periodStart AND d.due_at < :periodEnd AND d.status <> 'CANCELLED'"
                    + " AND (d.status <> 'OPEN' OR d.due_at < :now)" + filters + " GROUP BY d.kind", params, add);
        }
        // permits: due on a day of the period
        jdbc.query("SELECT p.due_date, p.decided_at, i.closed_at FROM permit_requirement p"
                + " JOIN initiative i ON i.id = p.initiative_id WHERE p.due_date >= :fromDay AND p.due_date <= :toDay"
                + filters, params.addValue("fromDay", scope.from()).addValue("toDay", scope.to()), rs -> {
                    Instant dueAt = permitDue(rs.getObject("due_date", LocalDate.class));
                    Instant decided = ScopeSql.utc(rs.getObject("decided_at", LocalDateTime.class));
                    Instant closed = ScopeSql.utc(rs.getObject("closed_at", LocalDateTime.class));
                    long[] counts = tally.get(Kind.PERMIT);
                    if (decided != null) {
                        counts[decided.isAfter(dueAt) ? 1 : 0]++;
                    } else if (closed != null) {
                        if (closed.isAfter(dueAt)) {
                            counts[1]++;
                        }
                    } else if (dueAt.isBefore(now)) {
                        counts[1]++;
                    }
                });
        List<List<Cell>> rows = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            long met = tally.get(kind)[0];
            long breached = tally.get(kind)[1];
            long total = met + breached;
            rows.add(List.of(new Text(kindName(kind, locale)), new Count(total), new Count(met), new Count(breached),
                    total == 0 ? new Empty() : new Share((double) met / total)));
        }
        return new DashboardTable("deadlines-met", "dashboard.deadlines.met.title", "dashboard.deadlines.met.definition",
                List.of(new Column("dashboard.deadlines.col.deadline"), new Column("dashboard.deadlines.col.due"),
                        new Column("dashboard.deadlines.col.met"), new Column("dashboard.deadlines.col.breached"),
                        new Column("dashboard.deadlines.col.share")),
                rows, Optional.empty());
    }

    private record Pending(String caseNumber, Kind kind, Instant dueAt) {
    }

    private DashboardTable due(DashboardScope scope, Locale locale, Instant now) {
        ZoneId zone = workingTime.zone();
        Instant limit = workingTime.calendar().addWorkingDays(now.atZone(zone), 1).toInstant();
        MapSqlParameterSource params = new MapSqlParameterSource("limit", ScopeSql.wall(limit));
        String filters = ScopeSql.filters(scope, params);
        List<Pending> pending = new ArrayList<>(jdbc.query("SELECT i.case_number, d.kind, d.due_at FROM case_deadline d"
                + " JOIN initiative i ON i.id = d.initiative_id WHERE d.open_flag = 1 AND d.due_at < :limit" + filters,
                params, (rs, n) -> new Pending(rs.getString("case_number"), Kind.valueOf(rs.getString("kind")),
                        ScopeSql.utc(rs.getObject("due_at", LocalDateTime.class)))));
        openPermits(params, filters).stream().filter(permit -> permit.dueAt().isBefore(limit)).forEach(pending::add);
        pending.sort(Comparator.comparing(Pending::dueAt).thenComparing(Pending::caseNumber));
        DateTimeFormatter format = DateTimeFormatter.ofPattern(
                "en".equals(locale.getLanguage()) ? "d MMM yyyy, HH:mm" : "d. MMM yyyy 'kl.' HH.mm", locale);
        // the texts looked up once per request, not per row (all teams: some thousand rows)
        Map<Kind, Text> kinds = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            kinds.put(kind, new Text(kindName(kind, locale)));
        }
        Text breachedText = new Text(messages.getMessage("dashboard.deadlines.state.breached", null, locale));
        Text dueSoonText = new Text(messages.getMessage("dashboard.deadlines.state.dueSoon", null, locale));
        List<List<Cell>> rows = new ArrayList<>();
        for (Pending each : pending) {
            boolean breached = each.dueAt().isBefore(now);
            rows.add(List.of(new CaseLink(each.caseNumber()), kinds.get(each.kind()),
                    new Text(format.format(each.dueAt().atZone(zone))), breached ? breachedText : dueSoonText));
        }
        return new DashboardTable("deadlines-due", "dashboard.deadlines.due.title", "dashboard.deadlines.due.definition",
                List.of(new Column("dashboard.deadlines.col.case"), new Column("dashboard.deadlines.col.deadline"),
                        new Column("dashboard.deadlines.col.dueAt"), new Column("dashboard.deadlines.col.state")),
                rows, Optional.empty());
    }

    /** The undecided permits of open cases (in the filters' scope). */
    private List<Pending> openPermits(MapSqlParameterSource params, String filters) {
        return jdbc.query("SELECT i.case_number, p.due_date FROM permit_requirement p JOIN initiative i"
                + " ON i.id = p.initiative_id WHERE p.status = 'REQUIRED' AND i.open_case = 1" + filters, params,
                (rs, n) -> new Pending(rs.getString("case_number"), Kind.PERMIT,
                        permitDue(rs.getObject("due_date", LocalDate.class))));
    }

    private Instant permitDue(LocalDate dueDate) {
        return dueDate.atTime(PermitRequirements.DUE_TIME).atZone(workingTime.zone()).toInstant();
    }

    private String kindName(Kind kind, Locale locale) {
        return messages.getMessage("dashboard.deadlines.kind." + kind, null, locale);
    }
}
