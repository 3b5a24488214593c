package dk.initiativ.dashboard;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Flyway migration V55 (a Spring bean, as V47 and V49): computes every closed case's lead time from submission to
 * closure onto its flow record and fills the per-day counts of them (V54, ADR 0049) with
 * {@link DeadlineDays#rebuildLeads}.
 */
@Component
class V55__DashboardLeadDays extends BaseJavaMigration {

    private final WorkingTime workingTime;

    @Autowired
    V55__DashboardLeadDays(WorkingTime workingTime) {
        this.workingTime = workingTime;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("55");
    }

    @Override
    public String getDescription() {
        return "dashboard lead days";
    }

    @Override
    public void migrate(Context context) throws Exception {
        DeadlineDays.rebuildLeads(context.getConnection(), workingTime);
    }
}
