package dk.initiativ.casework;

import dk.initiativ.process.InitiativeProcess;
import dk.initiativ.process.ProcessActors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service task after the first contact: stores the agreement the form or the API sent. */
@Configuration(proxyBeanMethods = false)
class CaseworkDelegates {

    @Bean
    JavaDelegate recordAgreement(Agreements agreements) {
        return execution -> agreements.record(execution.getProcessBusinessKey(), input(execution),
                ProcessActors.current(execution));
    }

    private static AgreementInput input(DelegateExecution execution) {
        return new AgreementInput((String) execution.getVariable(InitiativeProcess.VAR_AGREEMENT_WILL_DO),
                (String) execution.getVariable(InitiativeProcess.VAR_AGREEMENT_WILL_NOT_DO),
                (String) execution.getVariable(InitiativeProcess.VAR_AGREEMENT_WHO_DOES_WHAT),
                (String) execution.getVariable(InitiativeProcess.VAR_AGREEMENT_NEXT_STEPS));
    }
}
