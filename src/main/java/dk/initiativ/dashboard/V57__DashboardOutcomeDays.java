package dk.initiativ.dashboard;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Flyway migration V57 (a Spring bean, as V47, V49 and V55): copies every closed case's outcome, topic and district
 * onto its flow record and fills the per-day counts of closed cases by outcome, topic and district (V56, ADR 0049)
 * with {@link DeadlineDays#rebuildOutcomes}.
 */
@Component
class V57__DashboardOutcomeDays extends BaseJavaMigration {

    private final WorkingTime workingTime;

    @Autowired
    V57__DashboardOutcomeDays(WorkingTime workingTime) {
        this.workingTime = workingTime;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("57");
    }

    @Override
    public String getDescription() {
        return "dashboard outcome days";
    }

    @Override
    public void migrate(Context context) throws Exception {
        DeadlineDays.rebuildOutcomes(context.getConnection(), workingTime.zone());
    }
}
