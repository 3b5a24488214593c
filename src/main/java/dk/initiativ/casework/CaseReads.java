package dk.initiativ.casework;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a staff member last opened a case's page: the citizen's messages sent after the case's contact person
 * (or, on a case without one, the reader) last read it are unread in the inbox.
 */
@Service
public class CaseReads {

    private static final String MARK = """
            INSERT INTO case_read (initiative_id, user_id, read_at)
            SELECT id, ?, ? FROM initiative WHERE case_number = ?
            ON DUPLICATE KEY UPDATE read_at = GREATEST(read_at, VALUES(read_at))""";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CaseReads(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The user has read the case (its page with the message thread) now. A transaction of its own, so that the
     * case page's read-only transaction stays read-only.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void markRead(String caseNumber, StaffUser user) {
        jdbc.update(MARK, user.userId(), LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), caseNumber);
    }
}
