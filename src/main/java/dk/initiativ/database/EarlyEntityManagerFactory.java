package dk.initiativ.database;

import java.util.Arrays;
import java.util.stream.Stream;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.web.servlet.server.ServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the database's part of the start before the web server's: the web server factory depends on the
 * {@code entityManagerFactory}, so that Flyway's check and Hibernate's start come first (ADR 0060). Where Hibernate
 * starts on a thread of its own (the dev run's lazy repositories, ADR 0051), it then builds beside Tomcat and the
 * servlet filters instead of beside the process engine, which needs it for its first transaction and waited for it.
 */
@Configuration(proxyBeanMethods = false)
class EarlyEntityManagerFactory {

    static final String ENTITY_MANAGER_FACTORY = "entityManagerFactory";

    @Bean
    static BeanFactoryPostProcessor entityManagerFactoryBeforeWebServer() {
        return EarlyEntityManagerFactory::dependOn;
    }

    static void dependOn(ConfigurableListableBeanFactory beanFactory) throws BeansException {
        if (!beanFactory.containsBeanDefinition(ENTITY_MANAGER_FACTORY)) {
            return;
        }
        for (String name : beanFactory.getBeanNamesForType(ServletWebServerFactory.class, false, false)) {
            BeanDefinition definition = beanFactory.getBeanDefinition(name);
            String[] dependsOn = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
            if (!Arrays.asList(dependsOn).contains(ENTITY_MANAGER_FACTORY)) {
                definition.setDependsOn(Stream.concat(Stream.of(dependsOn), Stream.of(ENTITY_MANAGER_FACTORY))
                        .toArray(String[]::new));
            }
        }
    }
}
