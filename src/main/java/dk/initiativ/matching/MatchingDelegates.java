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

    /**
     * Applies the team manager's choice. Runs in the same transaction as the completion of the choice task
     * (no async boundary), so that the person who completed it is the one checked: only the manager of
     * the case's team (or an admin) through the JSON API, Tasklist and the engine REST API alike (ADR 0006).
     */
    @Bean
    JavaDelegate assignContactPerson(MatchingService matching) {
        return execution -> {
            String actor = ProcessActors.current(execution);
            matching.requireTeamManager(execution.getProcessBusinessKey(), actor, ProcessActors.groups(execution));
            execution.setVariable(InitiativeProcess.VAR_CONTACT_PERSON, matching.choose(execution.getProcessBusinessKey(),
                    (String) execution.getVariable(InitiativeProcess.VAR_NEW_CONTACT_PERSON), actor));
        };
    }
}
