package dk.initiativ.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dk.initiativ.initiative.Stage;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The dashboard's key figures for operators, on {@code /actuator/prometheus} (admins only):
 * {@code initiativ_cases_open{stage="..."}} (open cases per stage, all teams) and
 * {@code initiativ_deadlines_breached} (promised deadlines breached now: open and past due, permits included) and
 * {@code initiativ_dashboard_submissions_left_out} (submissions whose projection failed, left out of the figures until
 * a later event of their case: {@link SubmissionProjector}; above 0, the log names each case and its error).
 * Computed from the same queries as the dashboard, after the same catch-up with the submissions not projected yet
 * ({@link SubmissionProjector}), at most once a minute per node ({@link #MAX_AGE}); a scrape in between reads the kept
 * figures. Every node reports the same database's figures.
 */
@Component
class DashboardGauges {

    static final Duration MAX_AGE = Duration.ofSeconds(60);

    private record Figures(Instant at, Map<Stage, Long> open, long breached, long leftOut) {
    }

    private final FlowSection flow;
    private final DeadlinesSection deadlines;
    private final SubmissionProjector submissions;
    private final Clock clock;
    private volatile Figures figures;

    DashboardGauges(FlowSection flow, DeadlinesSection deadlines, SubmissionProjector submissions, Clock clock,
            MeterRegistry registry) {
        this.flow = flow;
        this.deadlines = deadlines;
        this.submissions = submissions;
        this.clock = clock;
        for (Stage stage : FlowSection.OPEN_STAGES) {
            Gauge.builder("initiativ.cases.open", this, gauges -> gauges.figures().open().getOrDefault(stage, 0L))
                    .description("Open cases per stage now (all teams)").tag("stage", stage.name()).register(registry);
        }
        Gauge.builder("initiativ.deadlines.breached", this, gauges -> gauges.figures().breached())
                .description("Promised deadlines breached now: open and past due (all teams)").register(registry);
        Gauge.builder("initiativ.dashboard.submissions.left.out", this, gauges -> gauges.figures().leftOut())
                .description("Submissions left out of the dashboard's figures because their projection failed")
                .register(registry);
    }

    private Figures figures() {
        Instant now = clock.instant();
        Figures current = figures;
        if (current == null || current.at().plus(MAX_AGE).isBefore(now) || current.at().isAfter(now)) {
            synchronized (this) {
                current = figures;
                if (current == null || current.at().plus(MAX_AGE).isBefore(now) || current.at().isAfter(now)) {
                    // the submissions not projected yet count too (ADR 0059); the period does not apply to the open
                    // cases now
                    submissions.catchUp();
                    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
                    DashboardScope all = new DashboardScope(today, today, Set.of(), Optional.empty(), Optional.empty());
                    current = new Figures(now, flow.openCounts(all), deadlines.breachedNow(now), submissions.leftOut());
                    figures = current;
                }
            }
        }
        return current;
    }

    /** Forgets the kept figures (tests). */
    void refresh() {
        figures = null;
    }
}
