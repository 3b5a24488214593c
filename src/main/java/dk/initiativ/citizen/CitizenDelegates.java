package dk.initiativ.citizen;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service task of the withdrawal event subprocess. */
@Configuration(proxyBeanMethods = false)
class CitizenDelegates {

    @Bean
    JavaDelegate recordWithdrawal(CitizenCaseService citizens) {
        return execution -> citizens.recordWithdrawal(execution.getProcessBusinessKey());
    }
}
