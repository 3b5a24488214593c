package dk.initiativ.politics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dk.initiativ.citizen.CitizenCaseService;
import dk.initiativ.initiative.CaseClosedException;
import dk.initiativ.initiative.CaseNotFoundException;
import dk.initiativ.initiative.HelpKind;
import dk.initiativ.initiative.SubmissionReceipt;
import dk.initiativ.initiative.SubmissionService;
import dk.initiativ.initiative.SubmitInitiativeRequest;
import dk.initiativ.support.LocalModeTest;
import dk.initiativ.web.ConflictException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static dk.initiativ.support.Problems.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Forwarding cases to a political committee and recording its decision, on the embedded MariaDB. */
@LocalModeTest
class PoliticalDecisionsTest {

    @Autowired
    PoliticalDecisions politics;

    @Autowired
    SubmissionService submissions;

    @Autowired
    CitizenCaseService citizens;

    @Autowired
    JdbcTemplate jdbc;


    @Autowired
    Clock clock;

    @Test
    void aForwardedCaseGetsTheCommitteesDecisionRecorded() {
        String caseNumber = newCase("Ny legeplads");
        assertThat(politics.of(caseNumber)).isEmpty();
        Instant before = Instant.now(clock).minusSeconds(1);

        politics.forward(caseNumber, "  Teknik- og Miljøudvalget ", "contact");

        PoliticalDecisionView forwarded = politics.of(caseNumber).orElseThrow();
        assertThat(forwarded.committee()).isEqualTo("Teknik- og Miljøudvalget");
        assertThat(forwarded.forwardedAt()).isAfter(before).isBeforeOrEqualTo(Instant.now(clock));
        assertThat(forwarded.decision()).isNull();
        assertThat(forwarded.decidedOn()).isNull();

        politics.record(caseNumber, " Udvalget bevilger 50.000 kr. og anviser en grund. ", today(), "contact");

        PoliticalDecisionView decided = politics.of(caseNumber).orElseThrow();
        assertThat(decided.committee()).isEqualTo("Teknik- og Miljøudvalget");
        assertThat(decided.forwardedAt()).isEqualTo(forwarded.forwardedAt());
        assertThat(decided.decision()).isEqualTo("Udvalget bevilger 50.000 kr. og anviser en grund.");
        assertThat(decided.decidedOn()).isEqualTo(today());
    }

    @Test
    void aCaseHasOneOpenForwardingAtATime() {
        String caseNumber = newCase("Shelterplads");
        politics.forward(caseNumber, "Kultur- og Fritidsudvalget", "contact");

        assertConflict(() -> politics.forward(caseNumber, "Økonomiudvalget", "contact"), "conflict.politicsForwarded");
        assertThat(politics.of(caseNumber).orElseThrow().committee()).isEqualTo("Kultur- og Fritidsudvalget");

        politics.record(caseNumber, "Sendt videre til Økonomiudvalget", today(), "contact");
        assertConflict(() -> politics.record(caseNumber, "Igen", today(), "contact"), "conflict.politicsNotForwarded");

        // decided: it may go on to the next committee, which then shows
        politics.forward(caseNumber, "Økonomiudvalget", "contact");
        assertThat(politics.of(caseNumber).orElseThrow()).satisfies(latest -> {
            assertThat(latest.committee()).isEqualTo("Økonomiudvalget");
            assertThat(latest.decision()).isNull();
        });

        // the database holds to one open forwarding per case as well
        assertThatThrownBy(() -> jdbc.update("INSERT INTO political_decision"
                + " (initiative_id, committee, forwarded_by, forwarded_at)"
                + " SELECT id, 'Byrådet', 'x', NOW(6) FROM initiative WHERE case_number = ?", caseNumber))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void onlyAForwardedCaseGetsADecision() {
        String caseNumber = newCase("Vandpost");
        assertConflict(() -> politics.record(caseNumber, "Godkendt", today(), "contact"),
                "conflict.politicsNotForwarded");
        assertThat(politics.of(caseNumber)).isEmpty();
    }

    @Test
    void aForwardingNamesTheCommittee() {
        String caseNumber = newCase("Bynatur");
        assertField(() -> politics.forward(caseNumber, null, "contact"), "committee", "politics.committee.required");
        assertField(() -> politics.forward(caseNumber, " ", "contact"), "committee", "politics.committee.required");
        assertField(() -> politics.forward(caseNumber, "x".repeat(121), "contact"), "committee",
                "politics.committee.size");
        assertThat(politics.of(caseNumber)).isEmpty();

        politics.forward(caseNumber, "x".repeat(120), "contact");
        assertThat(politics.of(caseNumber).orElseThrow().committee()).hasSize(120);
    }

    @Test
    void aDecisionHasItsTextAndADayBetweenTheForwardingAndToday() {
        String caseNumber = newCase("Sti langs fjorden");
        politics.forward(caseNumber, "Teknik- og Miljøudvalget", "contact");
        LocalDate today = today();

        assertField(() -> politics.record(caseNumber, null, today, "contact"), "decision",
                "politics.decision.required");
        assertField(() -> politics.record(caseNumber, "  ", today, "contact"), "decision",
                "politics.decision.required");
        assertField(() -> politics.record(caseNumber, "x".repeat(4001), today, "contact"), "decision",
                "politics.decision.size");
        assertField(() -> politics.record(caseNumber, "Godkendt", null, "contact"), "decidedOn",
                "politics.decidedOn.required");
        assertField(() -> politics.record(caseNumber, "Godkendt", today.plusDays(1), "contact"), "decidedOn",
                "politics.decidedOn.future");
        assertField(() -> politics.record(caseNumber, "Godkendt", today.minusDays(1), "contact"), "decidedOn",
                "politics.decidedOn.beforeForwarding");
        assertThat(politics.of(caseNumber).orElseThrow().decision()).isNull();

        politics.record(caseNumber, "x".repeat(4000), today, "contact");
        assertThat(politics.of(caseNumber).orElseThrow().decision()).hasSize(4000);
    }

    @Test
    void aClosedCaseIsNotForwardedButGetsItsPendingDecision() {
        SubmissionReceipt receipt = submit("Trukket tilbage");
        String caseNumber = receipt.caseNumber();
        politics.forward(caseNumber, "Byrådet", "contact");
        citizens.withdraw(receipt.trackingToken());

        politics.record(caseNumber, "Taget til efterretning", today(), "contact");
        assertThat(politics.of(caseNumber).orElseThrow().decision()).isEqualTo("Taget til efterretning");
        assertThatThrownBy(() -> politics.forward(caseNumber, "Byrådet", "contact"))
                .isInstanceOf(CaseClosedException.class);
        assertThatThrownBy(() -> politics.forward("IN-1999-999999", "Byrådet", "contact"))
                .isInstanceOf(CaseNotFoundException.class);
        assertThatThrownBy(() -> politics.record("IN-1999-999999", "Nej", today(), "contact"))
                .isInstanceOf(CaseNotFoundException.class);
        assertThatThrownBy(() -> politics.of("IN-1999-999999")).isInstanceOf(CaseNotFoundException.class);
    }


    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Europe/Copenhagen")));
    }

    private String newCase(String title) {
        return submit(title).caseNumber();
    }

    private SubmissionReceipt submit(String title) {
        return submissions.submit(new SubmitInitiativeRequest(title, "Et initiativ, der kræver en politisk beslutning.",
                "natur-miljoe", "holbaek-by", "Anna Andersen", "anna@example.org", true, Set.of(HelpKind.PERMITS)),
                Locale.forLanguageTag("da"));
    }


    private static void assertConflict(ThrowingCallable call, String messageKey) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ConflictException.class,
                conflict -> assertThat(conflict.messageKey()).isEqualTo(messageKey));
    }
}
