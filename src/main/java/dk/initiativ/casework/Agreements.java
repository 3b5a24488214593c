package dk.initiativ.casework;

import java.time.Clock;
import java.util.Optional;

import dk.initiativ.initiative.Cases;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records the expectation agreement once per case and moves the case to AGREED. */
@Service
@Transactional
public class Agreements {

    private final AgreementRepository agreements;
    private final Cases cases;
    private final InputCheck check;
    private final Clock clock;

    Agreements(AgreementRepository agreements, Cases cases, InputCheck check, Clock clock) {
        this.agreements = agreements;
        this.cases = cases;
        this.check = check;
        this.clock = clock;
    }

    void record(String caseNumber, AgreementInput input, String actor) {
        check.valid(input);
        agreements.save(new Agreement(cases.idOf(caseNumber), input, actor, clock.instant()));
        cases.agreementRecorded(caseNumber, actor);
    }

    @Transactional(readOnly = true)
    public Optional<AgreementView> of(String caseNumber) {
        return agreements.findByInitiativeId(cases.idOf(caseNumber)).map(Agreement::toView);
    }
}
