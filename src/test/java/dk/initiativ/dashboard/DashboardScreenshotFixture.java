package dk.initiativ.dashboard;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A realistic spread of 40 cases over the last 12 weeks for the dashboard's browser test and screenshot: written
 * into the case rows and timelines (no process instances, no contact persons, so no inbox and no workload pick
 * sees them) and projected as live events are; {@link #remove} takes them out again, as the test context's
 * database is shared with other test classes. Deterministic: case k moves through the stages with gaps that
 * depend on k, and stops where its timeline reaches now.
 */
final class DashboardScreenshotFixture {

    private static final String[] TOPICS = {"natur-miljoe", "kultur-fritid", "idraet-bevaegelse", "social-faellesskab",
            "boern-unge", "aeldre"};
    private static final String[] DISTRICTS = {"holbaek-by", "tuse-naes", "jyderup", "svinninge", "toelloese", "moerkoev"};
    private static final String[] TEAMS = {"natur-kultur", "social-sundhed"};

    private DashboardScreenshotFixture() {
    }

    /** Writes the 40 cases; returns the prefix of their case numbers (for {@link #remove}). */
    static String write(JdbcTemplate jdbc, CaseTimelineProjection projection, Instant now) {
        String prefix = "S" + UUID.randomUUID().toString().substring(0, 6);
        for (int k = 0; k < 40; k++) {
            Instant submitted = now.minus(2 + k * 2L, ChronoUnit.DAYS).minus(k % 5, ChronoUnit.HOURS);
            List<String[]> events = new ArrayList<>();
            Instant at = submitted;
            events.add(new String[] {"SUBMITTED", at.toString()});
            String stage = "SUBMITTED";
            String team = null;
            String[][] steps = {
                    {"ACCEPTED", String.valueOf(20 + (k % 4) * 22)},
                    {"CONTACT_PROPOSED", "0"},
                    {"CONTACT_ASSIGNED", String.valueOf(18 + (k % 3) * 26)},
                    {"AGREEMENT_RECORDED", String.valueOf(40 + (k % 5) * 30)},
                    {"CLOSED", String.valueOf(300 + (k % 6) * 90)}};
            String closedAt = null;
            for (String[] step : steps) {
                Instant next = at.plus(Long.parseLong(step[1]), ChronoUnit.HOURS);
                if (next.isAfter(now)) {
                    break;
                }
                at = next;
                events.add(new String[] {step[0], at.toString()});
                switch (step[0]) {
                    case "ACCEPTED" -> stage = "ACCEPTED";
                    case "CONTACT_PROPOSED" -> team = TEAMS[k % 2];
                    case "CONTACT_ASSIGNED" -> stage = "MATCHED";
                    case "AGREEMENT_RECORDED" -> stage = "AGREED";
                    default -> {
                        stage = "CLOSED";
                        closedAt = at.toString();
                    }
                }
            }
            String caseNumber = prefix + "-" + k;
            jdbc.update("INSERT INTO initiative (case_number, title, description, topic, district, contact_name,"
                    + " contact_email, language, stage, submitted_at, closed_at, outcome, team_code)"
                    + " VALUES (?, ?, 'Fixture', ?, ?, 'Fixture', NULL, 'da', ?, ?, ?, ?, ?)",
                    caseNumber, "Fixture " + k, TOPICS[k % TOPICS.length], DISTRICTS[k % DISTRICTS.length], stage,
                    wall(submitted.toString()), closedAt == null ? null : wall(closedAt),
                    closedAt == null ? null : "REALISED", team);
            long id = jdbc.queryForObject("SELECT id FROM initiative WHERE case_number = ?", Long.class, caseNumber);
            for (String[] event : events) {
                jdbc.update("INSERT INTO case_event (initiative_id, type, occurred_at, actor, visible_to_citizen)"
                        + " VALUES (?, ?, ?, 'fixture', TRUE)", id, event[0], wall(event[1]));
            }
            projection.rebuild(id);
        }
        return prefix;
    }

    /** Removes the cases written with {@code prefix}, their timelines and projections (and what viewing them left). */
    static void remove(JdbcTemplate jdbc, String prefix) {
        String ids = "SELECT id FROM initiative WHERE case_number LIKE ?";
        for (String table : List.of("case_read", "case_stage_visit", "case_deadline", "case_event")) {
            jdbc.update("DELETE FROM " + table + " WHERE initiative_id IN (" + ids + ")", prefix + "-%");
        }
        jdbc.update("DELETE FROM initiative WHERE case_number LIKE ?", prefix + "-%");
    }

    private static LocalDateTime wall(String instant) {
        return LocalDateTime.ofInstant(Instant.parse(instant), ZoneOffset.UTC);
    }
}
