package dk.initiativ.dashboard;

import java.util.List;
import java.util.Locale;

/**
 * One part of the dashboard (case flow, lead times, deadlines, workload, funding, outcomes, who engages). Every
 * section is a Spring bean; the page shows them in {@link #order()}.
 */
public interface DashboardSection {

    /** Where the section stands on the page: 10 flow, 20 lead times, 30 deadlines, 40 workload, 50 funding, 60 outcomes, 70 who engages. */
    int order();

    /** The section's tables for the scope; labels (stage, topic, district names) already in the page's language. */
    List<DashboardTable> tables(DashboardScope scope, Locale locale);
}
