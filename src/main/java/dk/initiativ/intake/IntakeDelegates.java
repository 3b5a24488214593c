package dk.initiativ.intake;

import dk.initiativ.process.InitiativeProcess;
import dk.initiativ.process.ProcessActors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of the intake stage. Each reads the case number (business key) and the small
 * screening variables, and calls {@link IntakeService}; the flow itself is the BPMN's.
 */
@Configuration(proxyBeanMethods = false)
class IntakeDelegates {

    @Bean
    JavaDelegate acceptInitiative(IntakeService intake) {
        return execution -> intake.accept(execution.getProcessBusinessKey(), ProcessActors.current(execution));
    }

    @Bean
    JavaDelegate requestInformation(IntakeService intake) {
        return execution -> intake.requestInformation(execution.getProcessBusinessKey(), note(execution),
                ProcessActors.current(execution));
    }

    @Bean
    JavaDelegate redirectInitiative(IntakeService intake) {
        return execution -> intake.redirect(execution.getProcessBusinessKey(), note(execution),
                ProcessActors.current(execution));
    }

    @Bean
    JavaDelegate markDuplicate(IntakeService intake) {
        return execution -> intake.markDuplicate(execution.getProcessBusinessKey(),
                (String) execution.getVariable(InitiativeProcess.VAR_DUPLICATE_OF), ProcessActors.current(execution));
    }

    @Bean
    JavaDelegate sendInformationReminder(IntakeService intake) {
        return execution -> intake.reminderDue(execution.getProcessBusinessKey());
    }

    @Bean
    JavaDelegate closeAsInactive(IntakeService intake) {
        return execution -> intake.closeAsInactive(execution.getProcessBusinessKey());
    }

    private static String note(DelegateExecution execution) {
        return (String) execution.getVariable(InitiativeProcess.VAR_SCREENING_NOTE);
    }
}
