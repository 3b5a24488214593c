package dk.initiativ.notification;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/**
 * The embedded SMTP server runs only where no real one is configured: {@code spring.mail.host} is not set
 * and {@code initiativ.mail.embedded-smtp.enabled} is true (the default). Production sets
 * {@code spring.mail.host} and so never catches its mails by accident.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnExpression("${initiativ.mail.embedded-smtp.enabled:true} and '${spring.mail.host:}'.isEmpty()")
@interface ConditionalOnEmbeddedSmtp {
}
