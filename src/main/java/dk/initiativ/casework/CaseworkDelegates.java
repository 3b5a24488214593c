package dk.initiativ.casework;

import dk.initiativ.process.InitiativeProcess;
import dk.initiativ.process.ProcessActors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The casework service tasks: they store what the Tasklist form or the API sent. */
@Configuration(proxyBeanMethods = false)
class CaseworkDelegates {

    @Bean
    JavaDelegate recordAgreement(Agreements agreements) {
        return execution -> agreements.record(execution.getProcessBusinessKey(), input(execution),
                ProcessActors.current(execution));
    }

    @Bean
    JavaDelegate recordProgress(FollowUps followUps) {
        return execution -> followUps.recordProgress(execution.getProcessBusinessKey(), new FollowUpInput(
                number(execution.getVariable(InitiativeProcess.VAR_PROGRESS_PERCENT)),
                (String) execution.getVariable(InitiativeProcess.VAR_MILESTONE),
                (Boolean) execution.getVariable(InitiativeProcess.VAR_DONE)), ProcessActors.current(execution));
    }

    @Bean
    JavaDelegate closeCase(FollowUps followUps) {
        return execution -> followUps.close(execution.getProcessBusinessKey(), new ClosureInput(
                (String) execution.getVariable(InitiativeProcess.VAR_OUTCOME),
                (String) execution.getVariable(InitiativeProcess.VAR_CLOSING_MESSAGE)), ProcessActors.current(execution));
    }

    /** Tasklist's number field sends a Long (or Double); the API sends an Integer. */
    private static Integer number(Object value) {
        return value instanceof Number number ? number.intValue() : null;
    }

    private static AgreementInput input(DelegateExecution execution) {
        return new AgreementInput((String) execution.getVariable(InitiativeProcess.VAR_AGREEMENT_WILL_DO),
                (String) execution.getVariable(InitiativeProcess.VAR_AGREEMENT_WILL_NOT_DO),
                (String) execution.getVariable(InitiativeProcess.VAR_AGREEMENT_WHO_DOES_WHAT),
                (String) execution.getVariable(InitiativeProcess.VAR_AGREEMENT_NEXT_STEPS));
    }
}
