package dk.initiativ.dashboard;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Flyway migration V61 (a Spring bean, as V47, V49, V55 and V57): fills the funding applications' records and
 * per-day counts (V60, ADR 0056) from the application and case rows with {@link FundingDays#rebuild}.
 */
@Component
class V61__DashboardFundingDays extends BaseJavaMigration {

    private final WorkingTime workingTime;

    @Autowired
    V61__DashboardFundingDays(WorkingTime workingTime) {
        this.workingTime = workingTime;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("61");
    }

    @Override
    public String getDescription() {
        return "dashboard funding days";
    }

    @Override
    public void migrate(Context context) throws Exception {
        FundingDays.rebuild(context.getConnection(), workingTime);
    }
}
