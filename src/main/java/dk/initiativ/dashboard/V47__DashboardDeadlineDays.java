package dk.initiativ.dashboard;

import org.springframework.stereotype.Component;

/**
 * Flyway migration V47 (a Spring bean, as V22): fills the per-day counts of deadlines (V46) from the deadlines there
 * are, with set-based SQL ({@link DeadlineDays#rebuild}: one statement per stretch of one UTC offset of the zone).
 */
@Component
class V47__DashboardDeadlineDays extends CountsMigration {

    V47__DashboardDeadlineDays(WorkingTime workingTime) {
        super("47", "dashboard deadline days", workingTime,
                (connection, time) -> DeadlineDays.rebuild(connection, time.zone()));
    }
}
