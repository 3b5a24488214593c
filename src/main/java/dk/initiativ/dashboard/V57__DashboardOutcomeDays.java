package dk.initiativ.dashboard;

import org.springframework.stereotype.Component;

/**
 * Flyway migration V57 (a Spring bean, as V47, V49 and V55): copies every closed case's outcome, topic and district
 * onto its flow record and fills the per-day counts of closed cases by outcome, topic and district (V56, ADR 0049)
 * with {@link DeadlineDays#rebuildOutcomes}.
 */
@Component
class V57__DashboardOutcomeDays extends CountsMigration {

    V57__DashboardOutcomeDays(WorkingTime workingTime) {
        super("57", "dashboard outcome days", workingTime,
                (connection, time) -> DeadlineDays.rebuildOutcomes(connection, time.zone()));
    }
}
