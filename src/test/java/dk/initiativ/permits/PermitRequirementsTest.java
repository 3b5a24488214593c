package dk.initiativ.permits;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dk.initiativ.citizen.CitizenCaseService;
import dk.initiativ.initiative.CaseClosedException;
import dk.initiativ.initiative.CaseNotFoundException;
import dk.initiativ.initiative.Cases;
import dk.initiativ.initiative.HelpKind;
import dk.initiativ.initiative.SubmissionReceipt;
import dk.initiativ.initiative.SubmissionService;
import dk.initiativ.initiative.SubmitInitiativeRequest;
import dk.initiativ.process.DeadlineProperties;
import dk.initiativ.process.WorkingDayCalendar;
import dk.initiativ.support.LocalModeTest;
import dk.initiativ.web.ConflictException;
import dk.initiativ.web.ForbiddenException;
import dk.initiativ.web.NotFoundException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static dk.initiativ.support.Problems.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The permit checklist of a case on the embedded MariaDB. */
@LocalModeTest
class PermitRequirementsTest {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private static final List<String> ROADS = List.of("contact-staff", "vej-park");

    @Autowired
    PermitRequirements permits;

    @Autowired
    PermitRequirementRepository repository;

    @Autowired
    Cases cases;

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    SubmissionService submissions;

    @Autowired
    CitizenCaseService citizens;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;


    @Autowired
    Clock clock;

    @Autowired
    Departments departments;

    @Autowired
    PermitTypes permitTypes;

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    @Test
    void aPermitIsDueByTheEngineClockThatProcessTestsMove() {
        String caseNumber = newCase("Loppemarked på torvet");
        // Friday 7 March 2025, 11:00 in Copenhagen, on Camunda's clock: ten working days later is 21 March
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2025-03-07T10:00:00Z")));

        long id = permits.require(caseNumber, "Brug af offentlig vej", "vej-park", "contact");

        assertThat(permits.forCase(caseNumber)).singleElement()
                .satisfies(permit -> assertThat(permit.dueDate()).isEqualTo(LocalDate.of(2025, 3, 21)));
        assertThat(permits.dueOf(id)).isEqualTo(Date.from(Instant.parse("2025-03-21T15:00:00Z")));
    }

    @Test
    void aPermitIsRoutedToItsDepartmentAndDueTenWorkingDaysLater() {
        String caseNumber = newCase("Gadefest på Ahlgade");
        LocalDate today = LocalDate.now(clock.withZone(COPENHAGEN));

        long id = permits.require(caseNumber, "  Brug af offentlig vej ", " vej-park ", "contact");

        LocalDate due = calendar.addWorkingDays(today, 10);
        assertThat(permits.forCase(caseNumber)).singleElement().satisfies(permit -> {
            assertThat(permit.id()).isEqualTo(id);
            assertThat(permit.kind()).isEqualTo("Brug af offentlig vej");
            assertThat(permit.departmentGroup()).isEqualTo("vej-park");
            assertThat(permit.dueDate()).isEqualTo(due);
            assertThat(permit.status()).isEqualTo(PermitStatus.REQUIRED);
            assertThat(permit.reason()).isNull();
            assertThat(permit.decidedBy()).isNull();
            assertThat(permit.decidedAt()).isNull();
        });
        assertThat(permits.openIds(caseNumber)).containsExactly(id);
        assertThat(permits.departmentOf(id)).isEqualTo("vej-park");
        assertThat(permits.dueOf(id)).isEqualTo(Date.from(due.atTime(16, 0).atZone(COPENHAGEN).toInstant()));
        assertThat(jdbc.queryForObject("SELECT requested_by FROM permit_requirement WHERE id = ?", String.class, id))
                .isEqualTo("contact");
    }

    @Test
    void theDueDateIsCountedInWorkingDaysInCopenhagenAcrossTheWeekend() {
        String caseNumber = newCase("Loppemarked");
        // Friday 7 March 2025, 11:00 in Copenhagen: one working day later is Monday
        long friday = onDay(Instant.parse("2025-03-07T10:00:00Z"), 1, caseNumber);
        // Thursday 23:30 UTC is already Friday in Copenhagen
        long lateThursday = onDay(Instant.parse("2025-03-06T23:30:00Z"), 1, caseNumber);
        // Saturday counts from the next working day as well
        long saturday = onDay(Instant.parse("2025-03-08T12:00:00Z"), 1, caseNumber);
        // ten working days from Friday span two weekends
        long tenDays = onDay(Instant.parse("2025-03-07T10:00:00Z"), 10, caseNumber);

        assertThat(permits.forCase(caseNumber)).extracting(PermitView::dueDate).containsExactly(
                LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 10),
                LocalDate.of(2025, 3, 21));
        assertThat(permits.dueOf(friday)).isEqualTo(Date.from(Instant.parse("2025-03-10T15:00:00Z")));
        assertThat(permits.dueOf(lateThursday)).isEqualTo(Date.from(Instant.parse("2025-03-10T15:00:00Z")));
        assertThat(permits.dueOf(saturday)).isEqualTo(Date.from(Instant.parse("2025-03-10T15:00:00Z")));
        // 16:00 in summer time is 14:00 UTC
        long summer = onDay(Instant.parse("2025-06-27T08:00:00Z"), 1, caseNumber);
        assertThat(permits.dueOf(summer)).isEqualTo(Date.from(Instant.parse("2025-06-30T14:00:00Z")));
        assertThat(permits.openIds(caseNumber)).containsExactly(friday, lateThursday, saturday, tenDays, summer);
    }

    /** Requires a permit as if today were {@code at}, with {@code days} working days to decide. */
    private long onDay(Instant at, int days, String caseNumber) {
        DeadlineProperties deadlines = new Binder(new MapConfigurationPropertySource(
                Map.of("initiativ.deadlines.permit-decision", String.valueOf(days))))
                .bindOrCreate("initiativ.deadlines", DeadlineProperties.class);
        PermitRequirements onThatDay = new PermitRequirements(repository, cases, calendar,
                Clock.fixed(at, ZoneOffset.UTC), deadlines, departments, permitTypes);
        return transaction.execute(status -> onThatDay.require(caseNumber, "Brug af offentlig vej", "vej-park",
                "contact"));
    }

    @Test
    void aPermitNamesItsKindAndADepartmentGroup() {
        String caseNumber = newCase("Bålplads ved stranden");

        assertField(() -> permits.require(caseNumber, null, "vej-park", "contact"), "kind", "permit.kind.required");
        assertField(() -> permits.require(caseNumber, "  ", "vej-park", "contact"), "kind", "permit.kind.required");
        assertField(() -> permits.require(caseNumber, "x".repeat(121), "vej-park", "contact"), "kind",
                "permit.kind.size");
        assertField(() -> permits.require(caseNumber, "Bål", null, "contact"), "departmentGroup",
                "permit.departmentGroup.required");
        assertField(() -> permits.require(caseNumber, "Bål", " ", "contact"), "departmentGroup",
                "permit.departmentGroup.required");
        for (String invalid : List.of("Vej-Park", "v", "-vej", "vej park", "vej_park", "æblehaven",
                "a".repeat(65))) {
            assertField(() -> permits.require(caseNumber, "Bål", invalid, "contact"), "departmentGroup",
                    "permit.departmentGroup.invalid");
        }
        // a well-formed group that is no configured department would make a task that nobody can reach
        for (String unknown : List.of("a".repeat(64), "b2", "vej-prak", "contact-staff", "admin")) {
            assertField(() -> permits.require(caseNumber, "Bål", unknown, "contact"), "departmentGroup",
                    "permit.departmentGroup.unknown");
        }
        assertThat(permits.forCase(caseNumber)).isEmpty();

        permits.require(caseNumber, "x".repeat(120), "vej-park", "contact");
        permits.require(caseNumber, "Bål", "byg-miljoe", "contact");
        assertThat(permits.forCase(caseNumber)).extracting(PermitView::departmentGroup)
                .containsExactly("vej-park", "byg-miljoe");
        assertThat(permits.forCase(caseNumber, List.of("byg-miljoe", "contact-staff")))
                .extracting(PermitView::departmentGroup).containsExactly("byg-miljoe");
    }

    @Test
    void onlyTheDepartmentOrAnAdminDecides() {
        String caseNumber = newCase("Scene på torvet");
        long id = permits.require(caseNumber, "Brug af offentlig vej", "vej-park", "contact");

        assertThatThrownBy(() -> permits.decide(id, true, null, "contact", List.of("contact-staff")))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> permits.decide(id, true, null, "bygning", List.of("byg-miljoe")))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> permits.decide(id, false, "Nej", "nobody", null))
                .isInstanceOf(ForbiddenException.class);
        assertThat(permits.forCase(caseNumber)).extracting(PermitView::status).containsExactly(PermitStatus.REQUIRED);

        permits.decide(id, true, null, "vera", ROADS);

        long second = permits.require(caseNumber, "Arrangement", "byg-miljoe", "contact");
        permits.decide(second, false, " Støj efter kl. 22 ", "admin", Set.of("admin"));

        assertThat(permits.forCase(caseNumber)).satisfiesExactly(approved -> {
            assertThat(approved.status()).isEqualTo(PermitStatus.APPROVED);
            assertThat(approved.reason()).isNull();
            assertThat(approved.decidedBy()).isEqualTo("vera");
            assertThat(approved.decidedAt()).isNotNull();
        }, refused -> {
            assertThat(refused.status()).isEqualTo(PermitStatus.REFUSED);
            assertThat(refused.reason()).isEqualTo("Støj efter kl. 22");
            assertThat(refused.decidedBy()).isEqualTo("admin");
        });
        assertThat(permits.openIds(caseNumber)).isEmpty();
    }

    @Test
    void onlyARequiredPermitIsDecided() {
        String caseNumber = newCase("Kunst i byrummet");
        long approved = permits.require(caseNumber, "Skulptur", "vej-park", "contact");
        long refused = permits.require(caseNumber, "Byggetilladelse", "byg-miljoe", "contact");
        long open = permits.require(caseNumber, "Lys", "vej-park", "contact");
        permits.decide(approved, true, "Godkendt med vilkår", "vera", ROADS);
        permits.decide(refused, false, "Lokalplanen tillader det ikke", "bo", List.of("byg-miljoe"));

        assertConflict(() -> permits.decide(approved, false, "Fortrudt", "vera", ROADS));
        assertConflict(() -> permits.decide(approved, true, null, "admin", List.of("admin")));
        assertConflict(() -> permits.decide(refused, true, null, "bo", List.of("byg-miljoe")));
        assertThat(permits.openIds(caseNumber)).containsExactly(open);
        assertThat(permits.forCase(caseNumber)).extracting(PermitView::status)
                .containsExactly(PermitStatus.APPROVED, PermitStatus.REFUSED, PermitStatus.REQUIRED);
        assertThat(permits.forCase(caseNumber).get(0).reason()).isEqualTo("Godkendt med vilkår");

        assertThatThrownBy(() -> permits.decide(-1, true, null, "admin", List.of("admin")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> permits.departmentOf(-1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> permits.dueOf(-1)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aRefusalNeedsAReason() {
        String caseNumber = newCase("Marked i parken");
        long id = permits.require(caseNumber, "Brug af park", "vej-park", "contact");

        assertField(() -> permits.decide(id, false, null, "vera", ROADS), "reason", "permit.reason.required");
        assertField(() -> permits.decide(id, false, "  ", "vera", ROADS), "reason", "permit.reason.required");
        assertField(() -> permits.decide(id, false, "x".repeat(4001), "vera", ROADS), "reason", "permit.reason.size");
        assertField(() -> permits.decide(id, true, "x".repeat(4001), "vera", ROADS), "reason", "permit.reason.size");
        assertThat(permits.openIds(caseNumber)).containsExactly(id);

        permits.decide(id, false, "x".repeat(4000), "vera", ROADS);
        assertThat(permits.forCase(caseNumber).get(0).reason()).hasSize(4000);
    }

    @Test
    void onlyAnOpenCaseNeedsPermits() {
        SubmissionReceipt receipt = submit("Trukket tilbage");
        long id = permits.require(receipt.caseNumber(), "Brug af vej", "vej-park", "contact");
        citizens.withdraw(receipt.trackingToken());

        assertThatThrownBy(() -> permits.require(receipt.caseNumber(), "Brug af vej", "vej-park", "contact"))
                .isInstanceOf(CaseClosedException.class);
        assertThatThrownBy(() -> permits.require("IN-1999-999999", "Brug af vej", "vej-park", "contact"))
                .isInstanceOf(CaseNotFoundException.class);
        assertThatThrownBy(() -> permits.forCase("IN-1999-999999")).isInstanceOf(CaseNotFoundException.class);
        assertThatThrownBy(() -> permits.openIds("IN-1999-999999")).isInstanceOf(CaseNotFoundException.class);
        assertThat(permits.openIds(receipt.caseNumber())).containsExactly(id);
    }

    @Test
    void theDatabaseRefusesAnIncompleteDecision() {
        long id = permits.require(newCase("Cykelløb"), "Afspærring", "vej-park", "contact");
        assertThatThrownBy(() -> jdbc.update("UPDATE permit_requirement SET status = 'REFUSED', decided_by = 'x',"
                + " decided_at = NOW() WHERE id = ?", id)).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("UPDATE permit_requirement SET status = 'MAYBE' WHERE id = ?", id))
                .isInstanceOf(DataIntegrityViolationException.class);
    }


    private String newCase(String title) {
        return submit(title).caseNumber();
    }

    private SubmissionReceipt submit(String title) {
        return submissions.submit(new SubmitInitiativeRequest(title, "Et initiativ, der skal have tilladelser.",
                "natur-miljoe", "holbaek-by", "Anna Andersen", "anna@example.org", true, Set.of(HelpKind.PERMITS)),
                Locale.forLanguageTag("da"));
    }


    private static void assertConflict(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ConflictException.class,
                conflict -> assertThat(conflict.messageKey()).isEqualTo("conflict.permitDecided"));
    }
}
