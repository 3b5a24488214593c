package dk.initiativ.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The embedded run has no SMTP server: GreenMail stands in on localhost and the outbox sends to it.
 * Off as soon as {@code spring.mail.host} names a real server (then Spring Boot builds the JavaMailSender).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnEmbeddedSmtp
class EmbeddedSmtpConfiguration {

    @Bean
    EmbeddedSmtp embeddedSmtp(MailProperties properties, Clock clock) {
        return new EmbeddedSmtp(properties.embeddedSmtp().port(), properties.embeddedSmtp().keep(), clock);
    }

    @Bean
    JavaMailSenderImpl mailSender(EmbeddedSmtp server) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(server.port());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        sender.setJavaMailProperties(server.javaMailProperties());
        return sender;
    }
}
