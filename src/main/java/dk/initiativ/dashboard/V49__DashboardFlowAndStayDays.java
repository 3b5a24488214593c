package dk.initiativ.dashboard;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Flyway migration V49 (a Spring bean, as V22 and V47): fills the per-day counts of cases entered and left and of stays
 * per whole working day (V48, ADR 0044) from the case rows and stays there are, with set-based SQL
 * ({@link DeadlineDays#rebuildFlow}: one statement per stretch of one UTC offset of the zone and per count). The stays
 * have been counted by V65 since their buckets changed (V64, ADR 0057).
 */
@Component
class V49__DashboardFlowAndStayDays extends BaseJavaMigration {

    private final WorkingTime workingTime;

    @Autowired
    V49__DashboardFlowAndStayDays(WorkingTime workingTime) {
        this.workingTime = workingTime;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("49");
    }

    @Override
    public String getDescription() {
        return "dashboard flow and stay days";
    }

    @Override
    public void migrate(Context context) throws Exception {
        // the stays are counted by V65 in V64's buckets (this code runs on V48's schema, which has none)
        DeadlineDays.rebuildFlow(context.getConnection(), workingTime.zone());
    }
}
