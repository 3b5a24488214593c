package dk.initiativ.network;

import java.time.Instant;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static dk.initiativ.support.Problems.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Registry partners linked to cases, on the embedded MariaDB. The test's own partners (named "Test Link
 * ...") are removed after each test, so the registry's other tests see the demo partners only.
 */
@LocalModeTest
class PartnerLinksTest {

    @Autowired
    PartnerLinks links;

    @Autowired
    PartnerRepository partners;

    @Autowired
    SubmissionService submissions;

    @Autowired
    CitizenCaseService citizens;

    @Autowired
    JdbcTemplate jdbc;


    Partner association;
    Partner premises;

    @BeforeEach
    void addPartners() {
        association = partners.save(new Partner("Test Link Grundejerforening", PartnerKind.ASSOCIATION,
                "Til test", "formand@example.org", "12345678", null));
        premises = partners.save(new Partner("Test Link Forsamlingshus", PartnerKind.PREMISES, "Til test", null,
                "87654321", "holbaek-by"));
    }

    @AfterEach
    void removePartners() {
        jdbc.update("DELETE FROM partner_link WHERE partner_id IN (SELECT id FROM partner WHERE name LIKE 'Test Link %')");
        jdbc.update("DELETE FROM partner WHERE name LIKE 'Test Link %'");
    }

    @Test
    void partnersAreLinkedToACaseInTheOrderTheyWereLinked() {
        String caseNumber = newCase("Fælleshave");
        Instant before = Instant.now().minusSeconds(1);

        links.link(caseNumber, association.getId(), "  Passer bedene om sommeren ", "contact");
        links.link(caseNumber, premises.getId(), " ", "other");

        assertThat(links.forCase(caseNumber)).satisfiesExactly(first -> {
            assertThat(first.partnerName()).isEqualTo("Test Link Grundejerforening");
            assertThat(first.kind()).isEqualTo(PartnerKind.ASSOCIATION);
            assertThat(first.contact()).isEqualTo("formand@example.org");
            assertThat(first.note()).isEqualTo("Passer bedene om sommeren");
            assertThat(first.linkedBy()).isEqualTo("contact");
            assertThat(first.linkedAt()).isAfter(before);
        }, second -> {
            assertThat(second.partnerName()).isEqualTo("Test Link Forsamlingshus");
            assertThat(second.kind()).isEqualTo(PartnerKind.PREMISES);
            assertThat(second.contact()).isEqualTo("87654321");
            assertThat(second.note()).isNull();
            assertThat(second.linkedBy()).isEqualTo("other");
        });
        assertThat(links.forCase(newCase("Uden partnere"))).isEmpty();
    }

    @Test
    void aPartnerIsLinkedToACaseOnce() {
        String caseNumber = newCase("Repair café");
        String other = newCase("Byttemarked");
        links.link(caseNumber, association.getId(), null, "contact");

        assertThatThrownBy(() -> links.link(caseNumber, association.getId(), "Igen", "contact"))
                .isInstanceOfSatisfying(ConflictException.class,
                        conflict -> assertThat(conflict.messageKey()).isEqualTo("conflict.partnerLinked"));
        links.link(other, association.getId(), null, "contact");
        assertThat(links.forCase(caseNumber)).hasSize(1);
        assertThat(links.forCase(other)).hasSize(1);
    }

    @Test
    void onlyAnActiveRegistryPartnerIsLinked() {
        String caseNumber = newCase("Naturformidling");
        long unknown = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) + 1000 FROM partner", Long.class);
        links.link(caseNumber, premises.getId(), null, "contact");
        jdbc.update("UPDATE partner SET active = FALSE WHERE id IN (?, ?)", association.getId(), premises.getId());

        assertField(() -> links.link(caseNumber, unknown, null, "contact"), "partnerId", "partnerLink.partner.unknown");
        assertField(() -> links.link(caseNumber, association.getId(), null, "contact"), "partnerId",
                "partnerLink.partner.inactive");
        // a link stays when its partner leaves the registry
        assertThat(links.forCase(caseNumber)).extracting(PartnerLinkView::partnerName)
                .containsExactly("Test Link Forsamlingshus");
    }

    @Test
    void aNoteIsAtMostAThousandCharacters() {
        String caseNumber = newCase("Lektiecafé");
        assertField(() -> links.link(caseNumber, association.getId(), "x".repeat(1001), "contact"), "note",
                "partnerLink.note.size");
        assertThat(links.forCase(caseNumber)).isEmpty();

        links.link(caseNumber, association.getId(), "x".repeat(1000), "contact");
        assertThat(links.forCase(caseNumber)).singleElement()
                .satisfies(link -> assertThat(link.note()).hasSize(1000));
    }

    @Test
    void onlyAnOpenCaseGetsPartners() {
        SubmissionReceipt receipt = submit("Trukket tilbage");
        citizens.withdraw(receipt.trackingToken());

        assertThatThrownBy(() -> links.link(receipt.caseNumber(), association.getId(), null, "contact"))
                .isInstanceOf(CaseClosedException.class);
        assertThatThrownBy(() -> links.link("IN-1999-999999", association.getId(), null, "contact"))
                .isInstanceOf(CaseNotFoundException.class);
        assertThatThrownBy(() -> links.forCase("IN-1999-999999")).isInstanceOf(CaseNotFoundException.class);
        assertThat(links.forCase(receipt.caseNumber())).isEmpty();
    }


    private String newCase(String title) {
        return submit(title).caseNumber();
    }

    private SubmissionReceipt submit(String title) {
        return submissions.submit(new SubmitInitiativeRequest(title, "Et initiativ, der søger samarbejdspartnere.",
                "natur-miljoe", "holbaek-by", "Anna Andersen", "anna@example.org", true, Set.of(HelpKind.PERMITS)),
                Locale.forLanguageTag("da"));
    }

}
