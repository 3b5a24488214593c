package dk.initiativ.dashboard;

import org.springframework.stereotype.Component;

/**
 * Flyway migration V55 (a Spring bean, as V47 and V49): computes every closed case's lead time from submission to
 * closure onto its flow record and fills the per-day counts of them (V54, ADR 0049) with
 * {@link DeadlineDays#rebuildLeads}.
 */
@Component
class V55__DashboardLeadDays extends CountsMigration {

    V55__DashboardLeadDays(WorkingTime workingTime) {
        super("55", "dashboard lead days", workingTime, DeadlineDays::rebuildLeads);
    }
}
