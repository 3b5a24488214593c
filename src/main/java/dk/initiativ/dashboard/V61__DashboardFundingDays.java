package dk.initiativ.dashboard;

import org.springframework.stereotype.Component;

/**
 * Flyway migration V61 (a Spring bean, as V47, V49, V55 and V57): fills the funding applications' records and
 * per-day counts (V60, ADR 0056) from the application and case rows with {@link FundingDays#rebuild}.
 */
@Component
class V61__DashboardFundingDays extends CountsMigration {

    V61__DashboardFundingDays(WorkingTime workingTime) {
        super("61", "dashboard funding days", workingTime, FundingDays::rebuild);
    }
}
