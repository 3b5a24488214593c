package dk.initiativ.notification;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a {@link MailContent} into an {@link OutgoingMail}: HTML from {@code templates/mail/mail.html},
 * the plain-text alternative from {@code templates/mail/mail.txt}, both in the mail's language. The engine
 * is this class's own, not a bean: a second template engine bean would switch off the web pages' one.
 */
@Component
class MailTemplates {

    static final String TEMPLATE = "mail";

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    MailTemplates(MessageSource messages) {
        engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
        engine.setTemplateEngineMessageSource(messages);
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setResolvablePatterns(Set.of("*" + suffix));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }

    OutgoingMail render(MailContent mail) {
        Context context = new Context(mail.getLocale());
        context.setVariable("mail", mail);
        String html = engine.process(TEMPLATE + ".html", context);
        String text = engine.process(TEMPLATE + ".txt", context).strip().replaceAll("\n{3,}", "\n\n") + "\n";
        return new OutgoingMail(mail.getTo(), oneLine(mail.getSubject()), text, html);
    }

    /** A subject is one header line: no line breaks, whatever a citizen typed. */
    static String oneLine(String subject) {
        String line = subject.replaceAll("[\\r\\n\\t]+", " ").strip();
        return line.length() > 200 ? line.substring(0, 199) + "…" : line;
    }
}
