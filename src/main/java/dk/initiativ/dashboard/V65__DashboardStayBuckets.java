package dk.initiativ.dashboard;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Flyway migration V65 (a Spring bean, as V49): counts the ended stays anew per day, stage, team and the finer buckets
 * of V64 (ADR 0057) with {@link DeadlineDays#rebuildStays}.
 */
@Component
class V65__DashboardStayBuckets extends BaseJavaMigration {

    private final WorkingTime workingTime;

    @Autowired
    V65__DashboardStayBuckets(WorkingTime workingTime) {
        this.workingTime = workingTime;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("65");
    }

    @Override
    public String getDescription() {
        return "dashboard stay buckets";
    }

    @Override
    public void migrate(Context context) throws Exception {
        DeadlineDays.rebuildStays(context.getConnection(), workingTime.zone());
    }
}
