package dk.initiativ.process;

import dk.initiativ.support.LocalModeTest;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine takes the mappings parsed early (ADR 0058) and gets the data source, transaction factory and batch mode
 * its own parse would have given them; an engine on another database type or table prefix parses its own.
 */
@LocalModeTest
class EarlyEngineMappingsTest {

    @Autowired ProcessEngine processEngine;
    @Autowired EarlyEngineMappings early;

    @Test
    void theEngineRunsOnTheMappingsParsedEarly() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        Configuration mappings = configuration.getSqlSessionFactory().getConfiguration();

        assertThat(early.taken()).isTrue();
        assertThat(mappings.getEnvironment().getDataSource()).isSameAs(configuration.getDataSource());
        assertThat(mappings.getEnvironment().getTransactionFactory()).isSameAs(configuration.getTransactionFactory());
        assertThat(mappings.getDefaultExecutorType()).isEqualTo(ExecutorType.BATCH);
        // the MySQL family's statements: the paging clause of the database type parsed for
        assertThat(mappings.getMappedStatement("selectTaskByQueryCriteria").getBoundSql(
                new org.camunda.bpm.engine.impl.TaskQueryImpl()).getSql()).contains("LIMIT");
        // and the engine works on them
        assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(InitiativeProcess.KEY).latestVersion().singleResult()).isNotNull();
    }

    @Test
    void anEngineOnAnotherDatabaseTypeOrPrefixParsesItsOwn() {
        MockEnvironment environment = new MockEnvironment().withProperty("camunda.bpm.database.type", "mysql");
        EarlyEngineMappings plugin = new EarlyEngineMappings();
        plugin.setEnvironment(environment);
        plugin.postProcessBeanFactory(null);

        SpringProcessEngineConfiguration postgres = new SpringProcessEngineConfiguration();
        postgres.setDatabaseType("postgres");
        postgres.setDatabaseTablePrefix("");
        plugin.preInit(postgres);
        assertThat(postgres.getSqlSessionFactory()).isNull();

        SpringProcessEngineConfiguration prefixed = new SpringProcessEngineConfiguration();
        prefixed.setDatabaseType("mysql");
        prefixed.setDatabaseTablePrefix("camunda.");
        plugin.preInit(prefixed);
        assertThat(prefixed.getSqlSessionFactory()).isNull();

        SpringProcessEngineConfiguration same = new SpringProcessEngineConfiguration();
        same.setDatabaseType("mysql");
        same.setDatabaseTablePrefix("");
        plugin.preInit(same);
        assertThat(same.getSqlSessionFactory()).isNotNull();
        assertThat(plugin.taken()).isTrue();
    }
}
