package dk.initiativ.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dk.initiativ.web.AccessKind;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The log of staff access to citizens' personal data (ADR 0028). A door that shows a case's personal data calls
 * {@link #record} (or {@link #listed} for a list) before the data leaves, in the request's transaction: a record
 * that cannot be written fails the request, so the data is never shown unlogged. Each record says who, when,
 * which case, what ({@link AccessKind}) and the purpose: the user's open task on the case, else their being the
 * case's contact person, else their role. The reader is the request's authenticated user (Spring Security's
 * context); without one the call fails, and so does the request.
 */
@Service
public class AccessLog {

    /** One case shown in a list: its number, the row's task (its purpose; null in case lists), its contact person. */
    public record Listed(String caseNumber, String taskKey, String contactPerson) {
    }

    /** A record as the citizen sees it: when, what and why, in their language; never who. */
    public record Lookup(Instant at, String kind, String purpose) {
    }

    static final String INSERT = "INSERT INTO staff_access_log (accessed_at, user_id, case_number, kind, purpose, detail)"
            + " VALUES (?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AccessPurposes purposes;
    private final MessageSource texts;

    AccessLog(JdbcTemplate jdbc, Clock clock, AccessPurposes purposes, MessageSource texts) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.purposes = purposes;
        this.texts = texts;
    }

    /**
     * The reader saw or took the personal data of one case.
     *
     * @param contactPerson the case's contact person when the caller has it at hand (else looked up when needed)
     */
    @Transactional
    public void record(String caseNumber, String contactPerson, AccessKind kind) {
        Reader who = Reader.current();
        insert(who.userId(), caseNumber, kind, purposes.of(who, caseNumber, contactPerson), null);
    }

    /** The reader saw or took the personal data of one case; its contact person is looked up when needed. */
    @Transactional
    public void record(String caseNumber, AccessKind kind) {
        record(caseNumber, null, kind);
    }

    /** The reader saw or printed the receipt of a case they registered for a citizen (purpose: the registration). */
    @Transactional
    public void registrationReceipt(String caseNumber, AccessKind kind) {
        insert(Reader.current().userId(), caseNumber, kind, AccessPurposes.REGISTRATION, null);
    }

    /**
     * An admin read the mails the embedded run caught: one record per case named in them, or one without a case
     * when they name none.
     */
    @Transactional
    public void caughtMailsRead(java.util.Collection<String> caseNumbers) {
        String userId = Reader.current().userId();
        if (caseNumbers.isEmpty()) {
            insert(userId, null, AccessKind.VIEW, AccessPurposes.CAUGHT_MAIL, null);
        }
        caseNumbers.stream().distinct().forEach(caseNumber ->
                insert(userId, caseNumber, AccessKind.VIEW, AccessPurposes.CAUGHT_MAIL, null));
    }

    /**
     * An admin saw a volunteer's contact data in the network registry (ADR 0039): a view without a case, the
     * reader's role as purpose, the volunteer as detail ({@code volunteer:<partner id>}).
     */
    @Transactional
    public void volunteerViewed(long partnerId) {
        Reader who = Reader.current();
        insert(who.userId(), null, AccessKind.VIEW, AccessPurposes.role(who), "volunteer:" + partnerId);
    }

    /**
     * A list or search showed the reader these cases with personal data (a citizen's name): one record per case
     * shown, each with its row's purpose (ADR 0028). {@code detail} names the list (e.g. the inbox view and search).
     */
    @Transactional
    public void listed(List<Listed> shown, AccessKind kind, String detail) {
        if (shown.isEmpty()) {
            return;
        }
        Reader who = Reader.current();
        Map<String, Listed> once = new LinkedHashMap<>();
        shown.forEach(row -> once.putIfAbsent(row.caseNumber(), row));
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = new ArrayList<>();
        for (Listed row : once.values()) {
            rows.add(new Object[] {now, who.userId(), row.caseNumber(), kind.name(),
                    purposes.ofRow(who, row.taskKey(), row.contactPerson()), cut(detail)});
        }
        jdbc.batchUpdate(INSERT, rows);
    }

    /** An admin erased the case's personal data (ADR 0032): a change, with the erasure as its purpose. */
    @Transactional
    void erased(String caseNumber) {
        insert(Reader.current().userId(), caseNumber, AccessKind.CHANGE, AccessPurposes.ERASURE, null);
    }

    /** An admin searched or exported this log: the case searched for (or none) and the criteria as detail. */
    @Transactional
    void logReviewed(String caseNumber, AccessKind kind, String detail) {
        insert(Reader.current().userId(), caseNumber, kind, AccessPurposes.LOG_REVIEW, detail);
    }

    /** When and why staff looked at the case, newest first, in the citizen's language, without staff names. */
    @Transactional(readOnly = true)
    public List<Lookup> lookupsOf(String caseNumber, Locale locale) {
        return jdbc.query("SELECT accessed_at, kind, purpose FROM staff_access_log WHERE case_number = ?"
                + " ORDER BY accessed_at DESC, id DESC", (rs, i) -> new Lookup(rs.getTimestamp(1).toInstant(),
                        kindText(AccessKind.valueOf(rs.getString(2)), locale), purposeText(rs.getString(3), locale)),
                caseNumber);
    }

    String kindText(AccessKind kind, Locale locale) {
        return texts.getMessage("privacy.accessLog.kind." + kind.name(), null, kind.name(), locale);
    }

    /** A stored purpose in the reader's language: a task by its name, a role or another purpose by its text. */
    String purposeText(String purpose, Locale locale) {
        if (purpose.startsWith(AccessPurposes.TASK)) {
            String taskKey = purpose.substring(AccessPurposes.TASK.length());
            return texts.getMessage("privacy.accessLog.purpose.task",
                    new Object[] {texts.getMessage("staffCase.task." + taskKey, null, taskKey, locale)}, locale);
        }
        return texts.getMessage("privacy.accessLog.purpose." + purpose, null, purpose, locale);
    }

    private void insert(String userId, String caseNumber, AccessKind kind, String purpose, String detail) {
        jdbc.update(INSERT, Timestamp.from(clock.instant()), userId, caseNumber, kind.name(), purpose, cut(detail));
    }

    private static String cut(String detail) {
        return detail == null || detail.length() <= 500 ? detail : detail.substring(0, 499) + "…";
    }
}
