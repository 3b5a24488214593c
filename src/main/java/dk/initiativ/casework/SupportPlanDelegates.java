package dk.initiativ.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import dk.initiativ.process.ProcessActors;
import dk.initiativ.web.FieldProblemException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static dk.initiativ.process.InitiativeProcess.*;

/** The service tasks of the support plan: read the form's (or the API's) variables, call {@link SupportPlans}. */
@Configuration(proxyBeanMethods = false)
class SupportPlanDelegates {

    @Bean
    JavaDelegate recordSupportPlan(SupportPlans plans) {
        return execution -> {
            if (bool(execution, VAR_NEEDS_PERMITS)) {
                SupportPlans.refuseFreeText(execution.getVariable(VAR_PERMIT_LINES));
            }
            execution.setVariables(plans.plan(execution.getProcessBusinessKey(), new SupportPlanInput(
                bool(execution, VAR_NEEDS_FUNDING), (String) execution.getVariable(VAR_FUNDING_POOL),
                money(execution.getVariable(VAR_FUNDING_AMOUNT)), (String) execution.getVariable(VAR_FUNDING_PURPOSE),
                bool(execution, VAR_NEEDS_PERMITS), null,
                SupportPlans.permitTypesOf(execution.getVariable(VAR_PERMIT_TYPES)),
                bool(execution, VAR_NEEDS_PARTNERS), SupportPlans.partnerIdsOf(execution.getVariable(VAR_PARTNER_IDS)),
                bool(execution, VAR_NEEDS_POLITICAL), (String) execution.getVariable(VAR_COMMITTEE)),
                ProcessActors.current(execution)));
        };
    }

    @Bean
    JavaDelegate recordFundingDecision(SupportPlans plans) {
        return execution -> plans.fundingDecided(((Number) execution.getVariable(VAR_FUNDING_APPLICATION_ID)).longValue(),
                bool(execution, VAR_FUNDING_GRANTED), money(execution.getVariable(VAR_AMOUNT_GRANTED)),
                (String) execution.getVariable(VAR_FUNDING_REASON), ProcessActors.current(execution),
                ProcessActors.groups(execution));
    }

    @Bean
    JavaDelegate recordPermitDecision(SupportPlans plans) {
        return execution -> plans.permitDecided(execution.getProcessBusinessKey(),
                ((Number) execution.getVariable(VAR_PERMIT_ID)).longValue(), bool(execution, VAR_PERMIT_APPROVED),
                (String) execution.getVariable(VAR_PERMIT_REASON), ProcessActors.current(execution),
                ProcessActors.groups(execution));
    }

    @Bean
    JavaDelegate recordPoliticalDecision(SupportPlans plans) {
        return execution -> plans.politicalDecision(execution.getProcessBusinessKey(),
                (String) execution.getVariable(VAR_POLITICAL_DECISION), date(execution.getVariable(VAR_DECIDED_ON)),
                ProcessActors.current(execution));
    }

    @Bean
    JavaDelegate supportCompleted(SupportPlans plans) {
        return execution -> plans.completed(execution.getProcessBusinessKey());
    }

    private static boolean bool(DelegateExecution execution, String name) {
        return Boolean.TRUE.equals(execution.getVariable(name));
    }

    /** Tasklist's number field sends Long or Double; the API sends a decimal string. */
    private static BigDecimal money(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.toString());
        } catch (NumberFormatException e) {
            throw new FieldProblemException("amount", "funding.amount.invalid");
        }
    }

    /** Tasklist's date field sends {@code yyyy-MM-dd}. */
    private static LocalDate date(Object value) {
        try {
            return value == null ? null : LocalDate.parse(value.toString().substring(0, Math.min(10, value.toString().length())));
        } catch (DateTimeParseException e) {
            throw new FieldProblemException("decidedOn", "politics.decidedOn.invalid");
        }
    }
}
