package dk.initiativ.dashboard;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dk.initiativ.process.DeadlineProperties;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Flyway migration V22 (a Spring bean, which Spring Boot hands to Flyway): fills the dashboard's projections (V21)
 * for the cases that existed before, from their timelines, through the same {@link CaseTimeline} as the live
 * projection. It runs once, under Flyway's lock, so several nodes starting together do not fill twice.
 */
@Component
class V22__DashboardBackfill extends BaseJavaMigration {

    private final CaseTimeline timeline;

    @Autowired
    V22__DashboardBackfill(WorkingTime workingTime, DeadlineProperties properties) {
        this(new CaseTimeline(workingTime, properties));
    }

    V22__DashboardBackfill(CaseTimeline timeline) {
        this.timeline = timeline;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("22");
    }

    @Override
    public String getDescription() {
        return "dashboard backfill";
    }

    @Override
    public void migrate(Context context) throws Exception {
        fill(context.getConnection(), null);
    }

    /** Fills the projections of every case, or of one case ({@code onlyCase}) whose rows are not there. */
    void fill(Connection connection, Long onlyCase) throws SQLException {
        // read everything first (one statement open at a time on the connection), then write per case
        List<Derived> derived = new ArrayList<>();
        CaseTimelineProjection.forEachCase(connection, onlyCase, (id, events) -> derived.add(new Derived(id, timeline.derive(events))));
        for (Derived each : derived) {
            CaseTimelineProjection.write(connection, each.initiativeId(), each.result(), false);
        }
    }

    private record Derived(long initiativeId, CaseTimeline.Result result) {
    }
}
