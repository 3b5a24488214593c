package dk.initiativ.casework;

import dk.initiativ.identity.Role;
import dk.initiativ.initiative.CaseView;
import dk.initiativ.initiative.Cases;
import dk.initiativ.process.InitiativeProcess;
import dk.initiativ.web.ConflictException;
import dk.initiativ.web.ForbiddenException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closing early: while a case waits for its next follow-up, its contact person may go to the closing at once
 * (the model's "Kontaktpersonen afslutter nu" message); the closing task then asks for the outcome and the
 * message to the citizen as always.
 */
@Service
public class EarlyClosures {

    private final Cases cases;
    private final RuntimeService runtimeService;

    EarlyClosures(Cases cases, RuntimeService runtimeService) {
        this.cases = cases;
        this.runtimeService = runtimeService;
    }

    /**
     * @throws ForbiddenException the user is not the case's contact person (nor an admin)
     * @throws ConflictException  the case does not wait for a follow-up (not there yet, in a check-in, or closed)
     */
    @Transactional
    public void closeNow(String caseNumber, StaffUser user) {
        CaseView view = cases.view(caseNumber);
        if (!user.userId().equals(view.contactPerson()) && !user.isIn(Role.ADMIN.groupId())) {
            throw new ForbiddenException(user.userId() + " is not the contact person of " + caseNumber);
        }
        cases.lock(caseNumber);
        if (!waitsForFollowUp(caseNumber)) {
            throw new ConflictException("conflict.notFollowingUp", caseNumber + " does not wait for a follow-up");
        }
        // as the application, after the check above: Camunda lets no staff role correlate messages itself (so
        // /engine-rest cannot go around this rule)
        runtimeService.createMessageCorrelation(InitiativeProcess.MESSAGE_CLOSE_EARLY)
                .processInstanceBusinessKey(caseNumber).correlate();
    }

    /** Whether the case waits for its next follow-up, so that its contact person may close it now. */
    @Transactional(readOnly = true)
    public boolean waitsForFollowUp(String caseNumber) {
        return runtimeService.createExecutionQuery().processInstanceBusinessKey(caseNumber)
                .messageEventSubscriptionName(InitiativeProcess.MESSAGE_CLOSE_EARLY).count() > 0;
    }
}
