package dk.initiativ.casework;

import dk.initiativ.initiative.Cases;
import dk.initiativ.initiative.Outcome;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Follow-up check-ins and the closing of a case with its outcome. */
@Service
@Transactional
class FollowUps {

    private final Cases cases;
    private final InputCheck check;

    FollowUps(Cases cases, InputCheck check) {
        this.cases = cases;
        this.check = check;
    }

    void recordProgress(String caseNumber, FollowUpInput input, String actor) {
        check.valid(input);
        cases.progressRecorded(caseNumber, input.progressPercent(), input.milestone().strip(), actor);
    }

    void close(String caseNumber, ClosureInput input, String actor) {
        check.valid(input);
        cases.closeWithOutcome(caseNumber, Outcome.valueOf(input.outcome()), input.message().strip(), actor);
    }
}
