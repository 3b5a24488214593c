package dk.initiativ.database;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/**
 * Demo users and data are written only where they belong: {@code initiativ.demo.enabled=true}, or
 * {@code auto} (the default) with the embedded database. An external (production) database never
 * gets demo users with known passwords by accident.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnExpression("'${initiativ.demo.enabled:auto}' == 'true' or ('${initiativ.demo.enabled:auto}' == 'auto'"
        + " and '${spring.datasource.url:}'.isEmpty())")
public @interface ConditionalOnDemoData {
}
