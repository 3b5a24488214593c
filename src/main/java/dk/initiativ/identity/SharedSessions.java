package dk.initiativ.identity;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.MySqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * The HTTP sessions in MariaDB (Spring Session JDBC, ADR 0034). Two requests of one session that add the same
 * attribute at once (the same form posted twice concurrently stores its receipt twice) would both insert the
 * attribute's row; Spring Session's MySQL-family statement ({@code INSERT ... ON DUPLICATE KEY UPDATE}) lets the
 * second one update it instead of failing.
 * <p>
 * Deletes expired HTTP sessions from MariaDB (Spring Session JDBC, ADR 0034) on one node at a time. Spring
 * Session's own cleanup runs on every node (its {@code DELETE ... WHERE EXPIRY_TIME < ?} deadlocks on MariaDB
 * when several nodes run it at once), so it is switched off ({@code spring.session.jdbc.cleanup-cron: "-"}) and
 * run here under a ShedLock lock instead.
 */
@Configuration(proxyBeanMethods = false)
class SharedSessions {

    private final JdbcIndexedSessionRepository sessions;

    SharedSessions(JdbcIndexedSessionRepository sessions) {
        this.sessions = sessions;
    }

    @Bean
    static MySqlJdbcIndexedSessionRepositoryCustomizer sessionAttributesUpsert() {
        return new MySqlJdbcIndexedSessionRepositoryCustomizer();
    }

    @Scheduled(cron = "${initiativ.sessions.cleanup-cron:0 * * * * *}")
    @SchedulerLock(name = "session-cleanup", lockAtMostFor = "PT5M")
    void scheduled() {
        sessions.cleanUpExpiredSessions();
    }
}
