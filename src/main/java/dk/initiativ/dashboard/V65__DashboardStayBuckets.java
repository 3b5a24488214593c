package dk.initiativ.dashboard;

import org.springframework.stereotype.Component;

/**
 * Flyway migration V65 (a Spring bean, as V49): counts the ended stays anew per day, stage, team and the finer buckets
 * of V64 (ADR 0057) with {@link DeadlineDays#rebuildStays}.
 */
@Component
class V65__DashboardStayBuckets extends CountsMigration {

    V65__DashboardStayBuckets(WorkingTime workingTime) {
        super("65", "dashboard stay buckets", workingTime,
                (connection, time) -> DeadlineDays.rebuildStays(connection, time.zone()));
    }
}
