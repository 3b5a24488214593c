package dk.initiativ.dashboard;

import org.springframework.stereotype.Component;

/**
 * Flyway migration V49 (a Spring bean, as V22 and V47): fills the per-day counts of cases entered and left (V48, ADR
 * 0044) from the case rows there are, with set-based SQL ({@link DeadlineDays#rebuildFlow}: one statement per stretch
 * of one UTC offset of the zone and per count). It filled the per-day counts of stays too until their buckets changed
 * (V64, ADR 0057); V65 counts those now.
 */
@Component
class V49__DashboardFlowAndStayDays extends CountsMigration {

    V49__DashboardFlowAndStayDays(WorkingTime workingTime) {
        // the stays are counted by V65 in V64's buckets (this code runs on V48's schema, which has none)
        super("49", "dashboard flow and stay days", workingTime,
                (connection, time) -> DeadlineDays.rebuildFlow(connection, time.zone()));
    }
}
