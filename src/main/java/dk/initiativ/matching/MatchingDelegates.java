package dk.initiativ.matching;

import dk.initiativ.process.InitiativeProcess;
import dk.initiativ.process.ProcessActors;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of the matching stage: thin, the rules are in {@link MatchingService}. */
@Configuration(proxyBeanMethods = false)
class MatchingDelegates {

    @Bean
    JavaDelegate proposeContactPerson(MatchingService matching) {
        return execution -> {
            MatchingService.Proposal proposal = matching.propose(execution.getProcessBusinessKey(),
                    (String) execution.getVariable(InitiativeProcess.VAR_TEAM_CODE), ProcessActors.current(execution));
            execution.setVariable(InitiativeProcess.VAR_CONTACT_PERSON, proposal.contactPerson().orElse(null));
            execution.setVariable(InitiativeProcess.VAR_TEAM_MANAGER, proposal.teamManager());
        };
    }

    @Bean
    JavaDelegate confirmContactPerson(MatchingService matching) {
        return execution -> matching.accepted(execution.getProcessBusinessKey(),
                (String) execution.getVariable(InitiativeProcess.VAR_CONTACT_PERSON));
    }

    @Bean
    JavaDelegate recordDecline(MatchingService matching) {
        return execution -> matching.declined(execution.getProcessBusinessKey(),
                (String) execution.getVariable(InitiativeProcess.VAR_CONTACT_PERSON),
                (String) execution.getVariable(InitiativeProcess.VAR_DECLINE_REASON));
    }

    @Bean
    JavaDelegate escalateMatch(MatchingService matching) {
        return execution -> matching.escalated(execution.getProcessBusinessKey(),
                (String) execution.getVariable(InitiativeProcess.VAR_TEAM_MANAGER));
    }

    @Bean
    JavaDelegate assignContactPerson(MatchingService matching) {
        return execution -> execution.setVariable(InitiativeProcess.VAR_CONTACT_PERSON,
                matching.choose(execution.getProcessBusinessKey(),
                        (String) execution.getVariable(InitiativeProcess.VAR_NEW_CONTACT_PERSON),
                        ProcessActors.current(execution)));
    }
}
