package dk.initiativ.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dk.initiativ.initiative.Outcome;
import dk.initiativ.process.DeadlineProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention job (ADR 0032): anonymises the closed cases whose period after closure, configured per outcome
 * ({@link AnonymisationProperties}), has passed, counted in the municipality's calendar from the application's one
 * clock. One node runs it at a time (ShedLock); each case is anonymised in its own transaction by
 * {@link CaseAnonymiser}, which locks the case's row and skips a case already done, so a run that overlaps another
 * anyway (a lock that expired, an erasure at the same moment) only finds less to do.
 */
@Component
class CaseAnonymisation {

    private static final Logger log = LoggerFactory.getLogger(CaseAnonymisation.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AnonymisationProperties properties;
    private final DeadlineProperties deadlines;
    private final CaseAnonymiser anonymiser;
    private final TransactionTemplate transactions;

    CaseAnonymisation(JdbcTemplate jdbc, Clock clock, AnonymisationProperties properties, DeadlineProperties deadlines,
            CaseAnonymiser anonymiser, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.deadlines = deadlines;
        this.anonymiser = anonymiser;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Scheduled(fixedDelayString = "${initiativ.privacy.anonymisation.interval:PT1H}",
            initialDelayString = "${initiativ.privacy.anonymisation.interval:PT1H}")
    @SchedulerLock(name = "case-anonymisation", lockAtMostFor = "PT50M")
    public void scheduled() {
        int anonymised = anonymiseDue();
        if (anonymised > 0) {
            log.info("Anonymised {} closed cases whose retention period has passed", anonymised);
        }
    }

    /** The latest closure a case with this outcome may have and still keep its personal data. */
    Instant cutoff(Outcome outcome) {
        return clock.instant().atZone(deadlines.zone()).minus(properties.after(outcome)).toInstant();
    }

    /** Anonymises every case due, at most one batch per outcome; returns how many this run anonymised. */
    int anonymiseDue() {
        int total = 0;
        for (Outcome outcome : Outcome.values()) {
            List<String> due = jdbc.queryForList("SELECT case_number FROM initiative WHERE anonymise_pending = 1"
                    + " AND closed_at < ? AND outcome = ? ORDER BY closed_at LIMIT ?", String.class,
                    Timestamp.from(cutoff(outcome)), outcome.name(), properties.batch());
            for (String caseNumber : due) {
                if (Boolean.TRUE.equals(transactions.execute(status -> anonymiser.anonymise(caseNumber)))) {
                    total++;
                }
            }
        }
        return total;
    }
}
