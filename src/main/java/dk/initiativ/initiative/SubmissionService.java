package dk.initiativ.initiative;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

import dk.initiativ.catalog.CatalogService;
import dk.initiativ.process.DeadlineProperties;
import dk.initiativ.process.InitiativeProcess;
import dk.initiativ.web.FieldProblemException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers a new initiative: the case row and its process instance are created in one transaction,
 * so a submission exists completely or not at all.
 */
@Service
public class SubmissionService {

    private static final Logger log = LoggerFactory.getLogger(SubmissionService.class);
    /** The postal address' length limit (the column's). */
    public static final int ADDRESS_MAX = 300;

    private final InitiativeRepository initiatives;
    private final CatalogService catalog;
    private final Cases cases;
    private final RuntimeService runtimeService;
    private final TrackingTokens trackingTokens;
    private final ZoneId zone;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    SubmissionService(InitiativeRepository initiatives, CatalogService catalog, Cases cases,
            RuntimeService runtimeService, TrackingTokens trackingTokens, Clock clock, DeadlineProperties deadlines,
            JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.zone = deadlines.zone();
        this.trackingTokens = trackingTokens;
        this.initiatives = initiatives;
        this.catalog = catalog;
        this.cases = cases;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    @Transactional
    public SubmissionReceipt submit(SubmitInitiativeRequest request, Locale locale) {
        return submit(request, locale, Submitter.ANONYMOUS);
    }

    /**
     * Registers the initiative for that submitter. A form key that was used before breaks the table's unique
     * key: the form feature answers that with the first case's receipt (see {@code FormSubmissions}).
     */
    @Transactional
    public SubmissionReceipt submit(SubmitInitiativeRequest request, Locale locale, Submitter submitter) {
        return submit(request, locale, submitter, Registration.WEB);
    }

    /**
     * Registers the initiative as it came in: the citizen's own (web), or registered by an employee for a citizen
     * met in person, by phone, by letter, by e-mail or at a meeting. The case then runs exactly like a web
     * submission; its timeline says who registered it and how. A citizen registered by staff may have no e-mail
     * address, but then a phone number or a postal address: someone must be able to reach them.
     */
    @Transactional
    public SubmissionReceipt submit(SubmitInitiativeRequest request, Locale locale, Submitter submitter,
            Registration registration) {
        boolean noEmail = blank(request.contactEmail());
        if (noEmail && !registration.byStaff()) {
            throw new FieldProblemException("contactEmail", "initiative.contactEmail.required");
        }
        if (noEmail && blank(request.contactPhone()) && blank(registration.contactAddress())) {
            throw new FieldProblemException("contactEmail", "walkin.contact.required");
        }
        if (registration.contactAddress() != null && registration.contactAddress().strip().length() > ADDRESS_MAX) {
            throw new FieldProblemException("contactAddress", "walkin.contactAddress.size");
        }
        if (request.profileDistrict() != null && !request.profileDistrict().isBlank()
                && !catalog.districtExists(request.profileDistrict().strip())) {
            throw new FieldProblemException("profileDistrict", "initiative.district.unknown");
        }
        if (!catalog.topicExists(request.topic().strip())) {
            throw new FieldProblemException("topic", "initiative.topic.unknown");
        }
        if (!catalog.districtExists(request.district().strip())) {
            throw new FieldProblemException("district", "initiative.district.unknown");
        }
        Instant now = clock.instant();
        // the sequence's next value straight from the transaction's connection: a plain statement, not a native
        // query of Hibernate's (its parsing, result mapping and auto-flush check cost more than the statement, ADR 0054)
        Long sequence = jdbc.queryForObject("SELECT NEXTVAL(case_number_seq)", Long.class);
        String caseNumber = CaseNumbers.format(now.atZone(zone).getYear(), sequence);
        String language = "en".equals(locale.getLanguage()) ? "en" : "da";
        TrackingTokens.Issued token = trackingTokens.issue();
        // flushed before the engine runs, so that an engine failure must roll the row back too
        Initiative initiative = initiatives.saveAndFlush(
                new Initiative(caseNumber, token, request, language, now, submitter, registration));
        cases.record(initiative, CaseEventType.SUBMITTED, Cases.CITIZEN, null, null);
        if (registration.byStaff()) {
            cases.record(initiative, CaseEventType.REGISTERED_BY_STAFF, registration.registeredBy(),
                    registration.channel().name(), null);
        }
        MatchingFacts facts = new MatchingFacts(initiative.getTopic(), initiative.getDistrict(), initiative.getHelpWanted());
        runtimeService.startProcessInstanceByKey(InitiativeProcess.KEY, caseNumber, Map.of(
                InitiativeProcess.VAR_INITIATIVE_ID, initiative.getId(),
                InitiativeProcess.VAR_CASE_NUMBER, caseNumber,
                InitiativeProcess.VAR_TOPIC, facts.topic(),
                InitiativeProcess.VAR_DISTRICT, facts.district(),
                InitiativeProcess.VAR_HELP_WANTED, facts.helpWantedCodes()));
        log.info("Initiative {} submitted ({})", caseNumber, registration.byStaff()
                ? "registered by " + registration.registeredBy() + ", " + registration.channel() : "web");
        return new SubmissionReceipt(caseNumber, token.token(), now);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
