package dk.initiativ.casework;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dk.initiativ.funding.FundingApplications;
import dk.initiativ.initiative.CaseView;
import dk.initiativ.initiative.Cases;
import dk.initiativ.initiative.HelpKind;
import dk.initiativ.initiative.SubmissionService;
import dk.initiativ.initiative.SubmitInitiativeRequest;
import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may read and steer a case, role by role. */
@LocalModeTest
class CaseAccessTest {

    @Autowired CaseAccess access;
    @Autowired SubmissionService submissions;
    @Autowired FundingApplications funding;
    @Autowired Cases cases;
    @Autowired TransactionTemplate transaction;

    @Test
    void fundOfficersReadTheCasesThatAppliedToTheirPools() {
        String applied = submit("Grønne tage");
        String other = submit("Byhaver uden ansøgning");
        funding.propose(applied, "groen-pulje", new BigDecimal("5000"), "Planter", "anna");
        StaffUser fundOfficer = new StaffUser("fund", List.of("fund-officer"));

        assertThat(access.mayRead(fundOfficer, view(applied))).isTrue();
        assertThat(access.mayRead(fundOfficer, view(other))).isFalse();
        assertThat(access.mayReassign(fundOfficer, view(applied))).isFalse();
    }

    @Test
    void managersSteerUnmatchedCasesAndTheirOwnTeamsIntakeReadsAllContactStaffNone() {
        String unmatched = submit("Ny idé uden team");
        StaffUser mette = new StaffUser("manager", List.of("manager"));
        StaffUser intake = new StaffUser("intake", List.of("intake"));
        StaffUser karl = new StaffUser("contact", List.of("contact-staff"));

        assertThat(access.mayRead(mette, view(unmatched))).isTrue();
        assertThat(access.mayReassign(mette, view(unmatched))).isTrue();
        assertThat(access.mayRead(intake, view(unmatched))).isTrue();
        assertThat(access.mayReassign(intake, view(unmatched))).isFalse();
        assertThat(access.mayRead(karl, view(unmatched))).isFalse();
    }

    private String submit(String title) {
        return submissions.submit(new SubmitInitiativeRequest(title, "Beskrivelse", "natur-miljoe", "holbaek-by",
                "Anna Andersen", "anna@example.org", true, Set.of(HelpKind.FUNDING)), Locale.forLanguageTag("da"))
                .caseNumber();
    }

    private CaseView view(String caseNumber) {
        return transaction.execute(status -> cases.view(caseNumber));
    }
}
