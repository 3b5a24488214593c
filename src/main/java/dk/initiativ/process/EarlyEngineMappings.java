package dk.initiativ.process;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.ibatis.builder.xml.XMLConfigBuilder;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.defaults.DefaultSqlSessionFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ReflectUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Camunda's MyBatis mappings ({@code mappings.xml} and the mapper files it names) parsed on a thread of their own as
 * soon as the context's bean definitions are read, instead of on the main thread when the process engine is built
 * (ADR 0058). The parse is most of the engine's build (about 2 s of a warm start's main thread, JFR); begun early, it
 * runs on the second core while the main thread starts Tomcat, Flyway and Hibernate.
 *
 * <p>The parse is the engine's own ({@code ProcessEngineConfigurationImpl#initSqlSessionFactory} of 7.24): the same
 * file, the table prefix and the database type's properties. Before the engine's {@code init} ({@link #preInit}) the
 * parsed mapping becomes the engine's session factory, but only if the engine's database type and table prefix are
 * the ones parsed for and it has no factory of its own; otherwise, or if the early parse failed, the engine parses as
 * it always does. The data source, transaction factory, statement timeout and batch mode the engine settled on in
 * its {@code init} are set on the mapping afterwards ({@link #postInit}), before the engine opens its first session.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE) // after the starter's plugins (order 0), which set the database type and prefix
class EarlyEngineMappings extends AbstractProcessEnginePlugin implements BeanFactoryPostProcessor, EnvironmentAware {

    private static final Logger log = LoggerFactory.getLogger(EarlyEngineMappings.class);

    /** {@code ProcessEngineConfigurationImpl#getMyBatisXmlConfigurationSteam()}'s file. */
    static final String MAPPINGS = "org/camunda/bpm/engine/impl/mapping/mappings.xml";

    private String databaseType;
    private String tablePrefix;
    private CompletableFuture<Configuration> parse;
    private Configuration taken;

    @Override
    public synchronized void setEnvironment(Environment environment) {
        this.databaseType = environment.getProperty("camunda.bpm.database.type");
        this.tablePrefix = environment.getProperty("camunda.bpm.database.table-prefix", "");
    }

    @Override
    public synchronized void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (parse == null && databaseType != null) {
            parse = CompletableFuture.supplyAsync(() -> parse(databaseType, tablePrefix), runnable -> {
                Thread thread = new Thread(runnable, "engine-mappings-parse");
                thread.setDaemon(true);
                thread.start();
            });
        }
    }

    @Override
    public synchronized void preInit(ProcessEngineConfigurationImpl configuration) {
        if (parse == null || configuration.getSqlSessionFactory() != null || configuration.isUseSharedSqlSessionFactory()
                || !databaseType.equals(configuration.getDatabaseType())
                || !Objects.equals(tablePrefix, configuration.getDatabaseTablePrefix())) {
            log.debug("The engine parses its own mappings (database type {}, table prefix '{}')",
                    configuration.getDatabaseType(), configuration.getDatabaseTablePrefix());
            return;
        }
        try {
            taken = parse.join();
        } catch (CompletionException e) {
            log.warn("The early parse of the engine's mappings failed; the engine parses them itself", e.getCause());
            return;
        }
        configuration.setSqlSessionFactory(new DefaultSqlSessionFactory(taken));
    }

    @Override
    public synchronized void postInit(ProcessEngineConfigurationImpl configuration) {
        if (taken == null || configuration.getSqlSessionFactory().getConfiguration() != taken) {
            return;
        }
        // as the engine's own initSqlSessionFactory does, with what its init settled on
        taken.setEnvironment(new org.apache.ibatis.mapping.Environment("default", configuration.getTransactionFactory(),
                configuration.getDataSource()));
        taken.setDefaultStatementTimeout(configuration.getJdbcStatementTimeout());
        if (configuration.isJdbcBatchProcessing()) {
            taken.setDefaultExecutorType(ExecutorType.BATCH);
        }
    }

    /** Whether the engine took the early parse (for the test). */
    synchronized boolean taken() {
        return taken != null;
    }

    static Configuration parse(String databaseType, String tablePrefix) {
        long started = System.nanoTime();
        try (InputStream mappings = ReflectUtil.getResourceAsStream(MAPPINGS);
             Reader reader = new InputStreamReader(Objects.requireNonNull(mappings, MAPPINGS), StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.put("prefix", tablePrefix);
            ProcessEngineConfigurationImpl.initSqlSessionFactoryProperties(properties, tablePrefix, databaseType);
            Configuration configuration = new XMLConfigBuilder(reader, "", properties).parse();
            log.debug("Parsed the engine's mappings in {} ms", (System.nanoTime() - started) / 1_000_000);
            return configuration;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
