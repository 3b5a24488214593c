package dk.initiativ.dashboard;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dk.initiativ.dashboard.DashboardTable.Cell;
import dk.initiativ.dashboard.DashboardTable.Column;
import dk.initiativ.dashboard.DashboardTable.Count;
import dk.initiativ.dashboard.DashboardTable.Empty;
import dk.initiativ.dashboard.DashboardTable.Share;
import dk.initiativ.dashboard.DashboardTable.Text;
import dk.initiativ.process.DeadlineProperties;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Section 40, workload: now, for each contact person (staff profile) of the teams in scope, the open cases they
 * carry against their capacity (as the contact person pick counts them: every case not closed that names them,
 * proposals included), their absence (the current or coming period, and the one after it: ADR 0038) and the cases
 * proposed to them that they have
 * not accepted yet (stage ACCEPTED). Workload is about staff, not citizens: nothing is suppressed; the period, topic
 * and district do not narrow it (capacity is measured against all open cases). One SQL statement, reading each
 * person's counts ({@code dashboard_workload}, kept by {@link CaseTimelineProjection} in the event's transaction, V59,
 * ADR 0055) instead of grouping every open case per request. No chart: an admin's list has every contact person of
 * every team.
 */
@Component
class WorkloadSection implements DashboardSection {

    static final String PREFIX = "dashboard.workload.";

    private final NamedParameterJdbcTemplate jdbc;
    private final Names names;
    private final DeadlineProperties deadlines;
    private final Clock clock;

    WorkloadSection(NamedParameterJdbcTemplate jdbc, Names names, DeadlineProperties deadlines, Clock clock) {
        this.jdbc = jdbc;
        this.names = names;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    @Transactional(readOnly = true)
    public List<DashboardTable> tables(DashboardScope scope, Locale locale) {
        DeadlineDays.flush(); // this transaction's own changes of the counts first
        LocalDate today = LocalDate.now(clock.withZone(deadlines.zone()));
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        MapSqlParameterSource params = new MapSqlParameterSource();
        String teams = "";
        if (!scope.allTeams()) {
            teams = " WHERE t.code IN (:teams)";
            params.addValue("teams", scope.teamCodes());
        }
        params.addValue("today", today);
        // the periods not over yet, numbered per person from the earliest (periods never overlap, so the first is the
        // current one when there is one, else the next); a1 and a2 are the first two
        String periods = "(SELECT staff_profile_id, first_day, last_day, ROW_NUMBER() OVER (PARTITION BY "
                + "staff_profile_id ORDER BY first_day) AS n FROM staff_absence WHERE last_day IS NULL OR last_day >= :today)";
        List<List<Cell>> rows = jdbc.query("""
                SELECT p.display_name, t.name, p.capacity, a1.first_day, a1.last_day,
                       COALESCE(w.open_cases, 0) AS open_cases, COALESCE(w.proposals, 0) AS proposals,
                       a2.first_day, a2.last_day
                FROM staff_profile p
                JOIN team t ON t.id = p.team_id
                LEFT JOIN dashboard_workload w ON w.user_id = p.user_id
                LEFT JOIN """ + periods + """
                 a1 ON a1.staff_profile_id = p.id AND a1.n = 1
                LEFT JOIN """ + periods + """
                 a2 ON a2.staff_profile_id = p.id AND a2.n = 2
                """ + teams + " ORDER BY t.name, p.display_name, p.user_id", params, (rs, n) -> {
                    int capacity = rs.getInt(3);
                    long open = rs.getLong(6);
                    return List.<Cell>of(new Text(rs.getString(1)), new Text(rs.getString(2)), new Count(open),
                            new Count(capacity), capacity > 0 ? new Share((double) open / capacity) : new Empty(),
                            absence(day(rs.getDate(4)), day(rs.getDate(5)), day(rs.getDate(8)), day(rs.getDate(9)),
                                    today, dates, locale),
                            new Count(rs.getLong(7)));
                });
        return List.of(new DashboardTable("workload", PREFIX + "title", PREFIX + "definition",
                List.of(new Column(PREFIX + "column.person"), new Column(PREFIX + "column.team"),
                        new Column(PREFIX + "column.open"), new Column(PREFIX + "column.capacity"),
                        new Column(PREFIX + "column.load"), new Column(PREFIX + "column.absence"),
                        new Column(PREFIX + "column.proposals")),
                rows, Optional.empty()));
    }

    private static LocalDate day(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    /** The current or coming period and the one after it, if any; past ones are not shown. */
    private Cell absence(LocalDate from, LocalDate until, LocalDate nextFrom, LocalDate nextUntil, LocalDate today,
            DateTimeFormatter dates, Locale locale) {
        if (from == null) {
            return new Empty();
        }
        String first = period(from, until, today, dates, locale);
        return new Text(nextFrom == null ? first
                : names.text("admin.absence.workload.then", locale, first, period(nextFrom, nextUntil, today, dates, locale)));
    }

    private String period(LocalDate from, LocalDate until, LocalDate today, DateTimeFormatter dates, Locale locale) {
        boolean now = !from.isAfter(today);
        String key = until == null ? "absence.openEnded" : "absence.range";
        String text = names.text(PREFIX + key, locale, from.format(dates), until == null ? "" : until.format(dates));
        return now ? names.text(PREFIX + "absence.now", locale, text) : text;
    }
}
