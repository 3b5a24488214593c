package dk.initiativ.casework;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import dk.initiativ.initiative.Cases;
import dk.initiativ.web.FieldProblemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records the expectation agreement once per case and moves the case to AGREED. */
@Service
@Transactional
public class Agreements {

    private final AgreementRepository agreements;
    private final Cases cases;
    private final Validator validator;
    private final Clock clock;

    Agreements(AgreementRepository agreements, Cases cases, Validator validator, Clock clock) {
        this.agreements = agreements;
        this.cases = cases;
        this.validator = validator;
        this.clock = clock;
    }

    void record(String caseNumber, AgreementInput input, String actor) {
        // the Tasklist form reaches here without the API's @Valid: the same rules, checked once more
        Set<ConstraintViolation<AgreementInput>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            ConstraintViolation<AgreementInput> first = violations.iterator().next();
            throw new FieldProblemException(first.getPropertyPath().toString(),
                    first.getMessageTemplate().replaceAll("[{}]", ""));
        }
        agreements.save(new Agreement(cases.idOf(caseNumber), input, actor, clock.instant()));
        cases.agreementRecorded(caseNumber, actor);
    }

    @Transactional(readOnly = true)
    public Optional<AgreementView> of(String caseNumber) {
        return agreements.findByInitiativeId(cases.idOf(caseNumber)).map(Agreement::toView);
    }
}
