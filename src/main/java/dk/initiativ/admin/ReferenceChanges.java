package dk.initiativ.admin;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The change record of reference data (ADR 0030): who changed what, when, and what it was before and after (as
 * JSON). {@link #record} joins the caller's transaction and refuses to run without one, so a change and its record
 * are stored together or not at all.
 */
@Service
public class ReferenceChanges {

    /** The most rows one search answers in one page. */
    public static final int PAGE_SIZE = 50;

    /** One change as an admin reads it; {@code before} and {@code after} are JSON text, either may be null. */
    public record Change(long id, Instant at, String who, String kind, String entityId, String action, String reason,
            String before, String after) {
    }

    /** A search: every criterion optional; {@code to} is the last day included (in the municipality's zone). */
    public record Criteria(String kind, String entityId, LocalDate from, LocalDate to) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    ReferenceChanges(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records one change in the caller's transaction. {@code before} and {@code after} are written as JSON (a
     * record of the thing's fields, not the entity); {@code before} is null for a new thing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String who, String kind, String entityId, String action, Object before, Object after,
            String reason) {
        jdbc.update("INSERT INTO reference_change (changed_at, changed_by, entity_kind, entity_id, action, reason,"
                + " before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Timestamp.from(clock.instant()), who,
                kind, entityId, action, reason, write(before), write(after));
    }

    /** Matching changes, newest first, {@code limit} of them from {@code offset}. */
    @Transactional(readOnly = true)
    public List<Change> find(Criteria criteria, ZoneId zone, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(criteria, zone, args);
        args.add(limit);
        args.add(offset);
        return jdbc.query("SELECT id, changed_at, changed_by, entity_kind, entity_id, action, reason, before_json,"
                + " after_json FROM reference_change" + where + " ORDER BY changed_at DESC, id DESC LIMIT ? OFFSET ?",
                (rs, i) -> new Change(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9)), args.toArray());
    }

    @Transactional(readOnly = true)
    public long count(Criteria criteria, ZoneId zone) {
        List<Object> args = new ArrayList<>();
        String where = where(criteria, zone, args);
        return jdbc.queryForObject("SELECT COUNT(*) FROM reference_change" + where, Long.class, args.toArray());
    }

    private static String where(Criteria criteria, ZoneId zone, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (criteria.kind() != null) {
            conditions.add("entity_kind = ?");
            args.add(criteria.kind());
        }
        if (criteria.entityId() != null) {
            conditions.add("entity_id = ?");
            args.add(criteria.entityId());
        }
        if (criteria.from() != null) {
            conditions.add("changed_at >= ?");
            args.add(Timestamp.from(criteria.from().atStartOfDay(zone).toInstant()));
        }
        if (criteria.to() != null) {
            conditions.add("changed_at < ?");
            args.add(Timestamp.from(criteria.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A change's state cannot be written as JSON", e);
        }
    }
}
