package dk.initiativ.dashboard;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Flyway migration V47 (a Spring bean, as V22): fills the per-day counts of deadlines (V46) from the deadlines there
 * are, with set-based SQL ({@link DeadlineDays#rebuild}: one statement per stretch of one UTC offset of the zone).
 */
@Component
class V47__DashboardDeadlineDays extends BaseJavaMigration {

    private final WorkingTime workingTime;

    @Autowired
    V47__DashboardDeadlineDays(WorkingTime workingTime) {
        this.workingTime = workingTime;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("47");
    }

    @Override
    public String getDescription() {
        return "dashboard deadline days";
    }

    @Override
    public void migrate(Context context) throws Exception {
        DeadlineDays.rebuild(context.getConnection(), workingTime.zone());
    }
}
