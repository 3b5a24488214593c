package dk.initiativ.privacy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import dk.initiativ.web.AccessKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The admin's search of the access log: by case, by staff member, by period (days in the municipality's zone). */
@Component
class AccessLogSearch {

    /** The most rows a CSV export carries; the page says when a search found more. */
    static final int EXPORT_LIMIT = 50_000;

    /** A search: every criterion optional; {@code to} is the last day included. */
    record Criteria(String caseNumber, String userId, LocalDate from, LocalDate to) {

        /** The criteria as a line for the log's own record of the search. */
        String describe() {
            List<String> parts = new ArrayList<>();
            if (caseNumber != null) {
                parts.add("case=" + caseNumber);
            }
            if (userId != null) {
                parts.add("staff=" + userId);
            }
            if (from != null) {
                parts.add("from=" + from);
            }
            if (to != null) {
                parts.add("to=" + to);
            }
            return parts.isEmpty() ? "all" : String.join(" ", parts);
        }
    }

    /** One record as the admin sees it. */
    record Entry(long id, Instant at, String userId, String caseNumber, AccessKind kind, String purpose,
            String detail) {
    }

    private final JdbcTemplate jdbc;

    AccessLogSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Matching records, newest first: {@code limit} of them from {@code offset}. */
    List<Entry> find(Criteria criteria, ZoneId zone, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(criteria, zone, args);
        args.add(limit);
        args.add(offset);
        return jdbc.query("SELECT id, accessed_at, user_id, case_number, kind, purpose, detail FROM staff_access_log"
                + where + " ORDER BY accessed_at DESC, id DESC LIMIT ? OFFSET ?", (rs, i) -> new Entry(rs.getLong(1),
                        rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        AccessKind.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7)), args.toArray());
    }

    long count(Criteria criteria, ZoneId zone) {
        List<Object> args = new ArrayList<>();
        String where = where(criteria, zone, args);
        return jdbc.queryForObject("SELECT COUNT(*) FROM staff_access_log" + where, Long.class, args.toArray());
    }

    private static String where(Criteria criteria, ZoneId zone, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (criteria.caseNumber() != null) {
            conditions.add("case_number = ?");
            args.add(criteria.caseNumber());
        }
        if (criteria.userId() != null) {
            conditions.add("user_id = ?");
            args.add(criteria.userId());
        }
        if (criteria.from() != null) {
            conditions.add("accessed_at >= ?");
            args.add(Timestamp.from(criteria.from().atStartOfDay(zone).toInstant()));
        }
        if (criteria.to() != null) {
            conditions.add("accessed_at < ?");
            args.add(Timestamp.from(criteria.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }
}
