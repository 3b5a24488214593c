package dk.initiativ.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dk.initiativ.identity.Role;
import dk.initiativ.initiative.Stage;
import dk.initiativ.process.DeadlineProperties;
import dk.initiativ.process.WorkingDayCalendar;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff inbox: who has what to do, as pages of rows that a person can work through.
 * <p>
 * API: {@link #viewsOf(StaffUser)} lists the {@link InboxView}s a staff member has (everybody "my tasks"; contact
 * staff, managers and admins "my cases"; intake, fund officers, departments and admins "my groups' tasks";
 * managers and admins "my team's cases"; a department member only permit tasks). {@link #page(StaffUser,
 * InboxQuery)} answers one page of one view with its filters, search, order and the filtered total;
 * {@link #counts(StaffUser)} the unfiltered total of each of the user's views. A query for a view the user lacks
 * answers an empty page. Each call is a fixed number of SQL statements, independent of the number of rows: the
 * page (one statement, the page's extra columns computed for the page's rows only) and its count (for a manager's
 * team view, a look-up of the teams they lead first); the task views
 * read Camunda's runtime tables ({@code ACT_RU_TASK}, {@code ACT_RU_IDENTITYLINK}, {@code ACT_RU_EXECUTION} for
 * the business key) joined with {@code initiative}, the case views read {@code initiative} with the
 * {@code next_due_at} that {@link NextDeadlines} keeps (ADR 0014). Deadline states use the BPMN timers'
 * {@link WorkingDayCalendar} and the one engine {@link Clock}.
 */
@Service
public class Inbox {

    private static final String DECIDE_PERMIT = "Task_DecidePermit";

    /** A task's case: its process instance's business key is the case number. */
    private static final String CASE_OF_TASK = """
             JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_
            JOIN initiative i ON i.case_number = e.BUSINESS_KEY_
            """;

    private static final String TASK_FROM = "FROM ACT_RU_TASK t" + CASE_OF_TASK;

    /** A task view's rows when no filter and no order needs the case: the tasks alone (see {@link Sql#tasksOnly}). */
    private static final String TASK_ONLY_FROM = "FROM ACT_RU_TASK t";

    private static final String TASK_ONLY_COLUMNS =
            "t.ID_, t.PROC_INST_ID_, t.TASK_DEF_KEY_, t.NAME_, t.ASSIGNEE_, t.DUE_DATE_, t.CREATE_TIME_";

    private static final String TASK_COLUMNS = """
            i.id, i.case_number, i.title, i.contact_name, i.stage, i.topic, i.district, i.submitted_at,
            i.contact_person, t.ID_ AS task_id, t.TASK_DEF_KEY_ AS task_key, t.NAME_ AS task_name,
            t.ASSIGNEE_ AS assignee, t.DUE_DATE_ AS due, t.CREATE_TIME_ AS created""";

    private static final String CASE_COLUMNS = """
            i.id, i.case_number, i.title, i.contact_name, i.stage, i.topic, i.district, i.submitted_at,
            i.contact_person, NULL AS task_id, NULL AS task_key, NULL AS task_name, NULL AS assignee,
            i.next_due_at AS due, i.next_due_sort, NULL AS created""";

    /** Whose reading counts for "unread": the case's contact person, or without one the reader. */
    private static final String READ_AT = """
            COALESCE((SELECT r.read_at FROM case_read r WHERE r.initiative_id = %1$s.id
                      AND r.user_id = COALESCE(%1$s.contact_person, :me)), TIMESTAMP'1000-01-01 00:00:00')""";

    private static final String OPEN_TASK_OF_CASE = """
            EXISTS (SELECT 1 FROM ACT_RU_TASK t2 JOIN ACT_RU_EXECUTION e2 ON e2.ID_ = t2.PROC_INST_ID_
                    WHERE e2.BUSINESS_KEY_ = CONVERT(p.case_number USING utf8mb3) COLLATE utf8mb3_bin
                      AND t2.TASK_DEF_KEY_ = '%s')""";

    private final NamedParameterJdbcTemplate jdbc;
    private final WorkingDayCalendar calendar;
    private final DeadlineProperties deadlines;
    private final Clock clock;

    Inbox(NamedParameterJdbcTemplate jdbc, WorkingDayCalendar calendar, DeadlineProperties deadlines, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** The views the user has, in the order the inbox shows them (empty: no inbox, e.g. a citizen). */
    public List<InboxView> viewsOf(StaffUser user) {
        List<InboxView> views = new ArrayList<>();
        boolean staff = isStaff(user);
        if (!staff && !user.isIn(Role.DEPARTMENT.groupId())) {
            return views;
        }
        views.add(InboxView.MY_TASKS);
        if (user.isIn(Role.CONTACT_STAFF.groupId()) || user.isIn(Role.MANAGER.groupId()) || isAdmin(user)) {
            views.add(InboxView.MY_CASES);
        }
        if (user.isIn(Role.INTAKE.groupId()) || user.isIn(Role.FUND_OFFICER.groupId())
                || user.isIn(Role.DEPARTMENT.groupId()) || isAdmin(user)) {
            views.add(InboxView.GROUP_TASKS);
        }
        if (user.isIn(Role.MANAGER.groupId()) || isAdmin(user)) {
            views.add(InboxView.TEAM_CASES);
        }
        return views;
    }

    /** One page of one view, with the view's filtered total. */
    @Transactional(readOnly = true)
    public InboxPage page(StaffUser user, InboxQuery query) {
        if (!viewsOf(user).contains(query.view())) {
            return new InboxPage(query, List.of(), 0);
        }
        Sql sql = where(user, query);
        Long total = jdbc.queryForObject("SELECT COUNT(*) " + sql.from + sql.where, sql.params, Long.class);
        if (total == null || total == 0 || query.offset() >= total) {
            return new InboxPage(query, List.of(), total == null ? 0 : total);
        }
        sql.params.addValue("limit", query.pageSize()).addValue("offset", query.offset());
        String inner;
        if (sql.tasksOnly()) {
            // the page's tasks first, from the task table alone; then the case of those rows only
            inner = "SELECT " + TASK_COLUMNS + " FROM (SELECT " + TASK_ONLY_COLUMNS + " " + sql.from + sql.where
                    + " ORDER BY " + order(query, "inner") + " LIMIT :limit OFFSET :offset) t"
                    + CASE_OF_TASK;
        } else {
            String columns = query.view().listsTasks() ? TASK_COLUMNS : CASE_COLUMNS;
            inner = "SELECT " + columns + " " + sql.from + sql.where + " ORDER BY " + order(query, "inner")
                    + " LIMIT :limit OFFSET :offset";
        }
        // the page's extra columns, computed for the page's rows only
        String select = "SELECT p.*, sp.display_name AS contact_person_name,"
                + " GREATEST(COALESCE((SELECT MAX(ev.occurred_at) FROM case_event ev WHERE ev.initiative_id = p.id"
                + " AND ev.actor = 'citizen'), TIMESTAMP'1000-01-01 00:00:00'),"
                + " COALESCE((SELECT MAX(m.sent_at) FROM case_message m WHERE m.initiative_id = p.id"
                + " AND m.from_citizen), TIMESTAMP'1000-01-01 00:00:00')) AS last_citizen,"
                + " (SELECT COUNT(*) FROM case_message m WHERE m.initiative_id = p.id AND m.from_citizen"
                + " AND m.sent_at > " + READ_AT.formatted("p") + ") AS unread, "
                + " (SELECT COALESCE(ne.contact_email, '') = '' FROM initiative ne WHERE ne.id = p.id) AS no_email, "
                + (query.view().listsTasks() ? "FALSE AS escalated, FALSE AS awaiting"
                        : OPEN_TASK_OF_CASE.formatted("Task_ReassignCase") + " AS escalated, "
                                + OPEN_TASK_OF_CASE.formatted("Task_AcceptCase") + " AS awaiting")
                + " FROM (" + inner + ") p LEFT JOIN staff_profile sp ON sp.user_id = p.contact_person"
                + " ORDER BY " + order(query, "outer");
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, deadlines.zone());
        List<InboxRow> rows = jdbc.query(select, sql.params, (rs, n) -> row(rs, now, today));
        return new InboxPage(query, rows, total);
    }

    /** The unfiltered total of each of the user's views. */
    @Transactional(readOnly = true)
    public InboxCounts counts(StaffUser user) {
        Map<InboxView, Long> counts = new EnumMap<>(InboxView.class);
        for (InboxView view : viewsOf(user)) {
            Sql sql = where(user, InboxQuery.of(view));
            counts.put(view, jdbc.queryForObject("SELECT COUNT(*) " + sql.from + sql.where, sql.params, Long.class));
        }
        return new InboxCounts(counts);
    }

    /**
     * The statement's parts. {@code tasksOnly}: a task view whose filters and order read the task alone (no stage,
     * topic, district, unread or search filter; soonest deadline first), so the count and the page's cut are made on
     * {@code ACT_RU_TASK} without joining each task to its case: every task of the engine belongs to a case's process
     * (the business key is the case number), so the list is the same, and a busy person's thousands of tasks are not
     * joined to be counted (ADR 0014).
     */
    private record Sql(String from, String where, MapSqlParameterSource params, boolean tasksOnly) {
    }

    private Sql where(StaffUser user, InboxQuery query) {
        MapSqlParameterSource params = new MapSqlParameterSource("me", user.userId());
        StringBuilder where = new StringBuilder(" WHERE ");
        String from;
        boolean permitsOnly = isDepartmentOnly(user);
        String due;
        switch (query.view()) {
            case MY_TASKS -> {
                from = TASK_FROM;
                where.append("t.ASSIGNEE_ = :me");
                due = "t.DUE_DATE_";
            }
            case GROUP_TASKS -> {
                from = TASK_FROM;
                where.append("t.ASSIGNEE_ IS NULL AND EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK l"
                        + " WHERE l.TASK_ID_ = t.ID_ AND l.TYPE_ = 'candidate' AND l.GROUP_ID_ IS NOT NULL");
                if (!isAdmin(user)) {
                    where.append(" AND l.GROUP_ID_ IN (:groups)");
                    params.addValue("groups", user.groups().isEmpty() ? List.of("") : user.groups());
                }
                where.append(")");
                due = "t.DUE_DATE_";
            }
            case MY_CASES -> {
                from = "FROM initiative i";
                where.append("i.open_contact_person = :me");
                due = "i.next_due_at";
            }
            case TEAM_CASES -> {
                from = "FROM initiative i";
                if (isAdmin(user)) {
                    where.append("i.open_case = 1");
                } else {
                    // the teams first: with one team the page is a range of one index in its order (as a sub-select,
                    // MariaDB reads every row and sorts)
                    List<String> teams = jdbc.queryForList("SELECT t.code FROM team t"
                            + " JOIN team_manager m ON m.team_id = t.id WHERE m.user_id = :me", params, String.class);
                    where.append(teams.isEmpty() ? "1 = 0" : "i.open_team_code IN (:teams)");
                    params.addValue("teams", teams);
                }
                due = "i.next_due_at";
            }
            default -> throw new IllegalStateException("unknown view " + query.view());
        }
        if (permitsOnly && query.view().listsTasks()) {
            where.append(" AND t.TASK_DEF_KEY_ = '").append(DECIDE_PERMIT).append("'");
        }
        if (query.stage() != null) {
            where.append(" AND i.stage = :stage");
            params.addValue("stage", query.stage().name());
        }
        if (query.topic() != null) {
            where.append(" AND i.topic = :topic");
            params.addValue("topic", query.topic());
        }
        if (query.district() != null) {
            where.append(" AND i.district = :district");
            params.addValue("district", query.district());
        }
        if (query.due() != null) {
            Instant now = clock.instant();
            params.addValue("now", Timestamp.from(now));
            if (query.due() == InboxDue.OVERDUE) {
                where.append(" AND ").append(due).append(" < :now");
            } else {
                Instant weekEnd = LocalDate.ofInstant(now, deadlines.zone())
                        .with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atStartOfDay(deadlines.zone()).toInstant();
                where.append(" AND ").append(due).append(" >= :now AND ").append(due).append(" < :weekEnd");
                params.addValue("weekEnd", Timestamp.from(weekEnd));
            }
        }
        if (query.unreadOnly()) {
            where.append(" AND EXISTS (SELECT 1 FROM case_message um WHERE um.initiative_id = i.id AND um.from_citizen"
                    + " AND um.sent_at > ").append(READ_AT.formatted("i")).append(")");
        }
        if (query.search() != null) {
            String text = query.search();
            where.append(" AND (i.case_number LIKE :numberLike ESCAPE '!' OR LOWER(i.title) LIKE :textLike ESCAPE '!'"
                    + " OR LOWER(i.contact_name) LIKE :textLike ESCAPE '!')");
            params.addValue("numberLike", "%" + likeEscaped(text.toUpperCase(Locale.ROOT)) + "%");
            params.addValue("textLike", "%" + likeEscaped(text.toLowerCase(Locale.ROOT)) + "%");
        }
        boolean tasksOnly = query.view().listsTasks() && query.sort() == InboxSort.DEADLINE && query.stage() == null
                && query.topic() == null && query.district() == null && !query.unreadOnly() && query.search() == null;
        if (tasksOnly) {
            where.append(" AND t.PROC_INST_ID_ IS NOT NULL");
        }
        return new Sql(tasksOnly ? TASK_ONLY_FROM : from, where.toString(), params, tasksOnly);
    }

    /** The order of a view, inside the page's sub-select ({@code inner}: tables) or around it ({@code outer}). */
    private static String order(InboxQuery query, String level) {
        boolean inner = "inner".equals(level);
        String i = inner ? "i." : "p.";
        boolean tasks = query.view().listsTasks();
        String tail = tasks ? (inner ? "t.ID_" : "p.task_id") : i + "id";
        return switch (query.sort()) {
            case DEADLINE -> tasks
                    ? (inner ? "t.DUE_DATE_ IS NULL, t.DUE_DATE_, t.CREATE_TIME_, " : "p.due IS NULL, p.due, p.created, ")
                            + tail
                    : i + "next_due_sort, " + tail;
            case NEWEST -> i + "submitted_at DESC, " + i + "id DESC, " + tail;
            case OLDEST -> i + "submitted_at, " + i + "id, " + tail;
            case CASE_NUMBER -> i + "case_number, " + tail;
        };
    }

    private InboxRow row(ResultSet rs, Instant now, LocalDate today) throws SQLException {
        Instant due = instant(rs, "due");
        LocalDate dueDate = due == null ? null : LocalDate.ofInstant(due, deadlines.zone());
        Integer left = null;
        DeadlineState state = DeadlineState.NONE;
        if (due != null) {
            left = dueDate.isBefore(today) ? -calendar.workingDaysBetween(dueDate, today)
                    : calendar.workingDaysBetween(today, dueDate);
            state = due.isBefore(now) ? DeadlineState.OVERDUE
                    : dueDate.isAfter(calendar.addWorkingDays(today, 1)) ? DeadlineState.LATER
                    : DeadlineState.DUE_SOON;
        }
        Instant last = utc(rs, "last_citizen");
        if (last != null && last.isBefore(Instant.parse("1001-01-01T00:00:00Z"))) {
            last = null;
        }
        return new InboxRow(rs.getString("case_number"), rs.getString("title"), rs.getString("contact_name"),
                Stage.valueOf(rs.getString("stage")), rs.getString("topic"), rs.getString("district"),
                utc(rs, "submitted_at"), rs.getString("task_id"), rs.getString("task_key"),
                rs.getString("task_name"), rs.getString("assignee"), rs.getString("contact_person"),
                rs.getString("contact_person_name"), due, dueDate, left, state, last, rs.getInt("unread"),
                rs.getBoolean("escalated"), rs.getBoolean("awaiting"), rs.getBoolean("no_email"));
    }

    /** A time of Camunda's tables (and next_due_at, copied from them): the JVM zone's wall-clock time. */
    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A time of our own tables: UTC wall-clock time (as Hibernate and the outbox write them). */
    private static Instant utc(ResultSet rs, String column) throws SQLException {
        LocalDateTime time = rs.getObject(column, LocalDateTime.class);
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    /** The text as a LIKE pattern's literal part ({@code !} escapes). */
    static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static boolean isAdmin(StaffUser user) {
        return user.isIn(Role.ADMIN.groupId());
    }

    private static boolean isStaff(StaffUser user) {
        for (String role : Role.STAFF) {
            if (user.isIn(role)) {
                return true;
            }
        }
        return false;
    }

    /** A department member without any other staff role sees permit tasks only. */
    private static boolean isDepartmentOnly(StaffUser user) {
        return user.isIn(Role.DEPARTMENT.groupId()) && !isStaff(user);
    }
}
