package dk.initiativ.notification;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.initiativ.identity.Role;
import dk.initiativ.privacy.AccessLog;
import dk.initiativ.web.AccessKind;
import dk.initiativ.web.AccessLogged;
import dk.initiativ.web.ForbiddenException;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admins only, embedded run only: the mails the embedded SMTP server caught, newest first. */
@RestController
@ConditionalOnEmbeddedSmtp
class CaughtMailsApiController {

    private final EmbeddedSmtp server;
    private final AccessLog accessLog;

    /** A case number in a mail's subject or text. */
    private static final Pattern CASE_NUMBER = Pattern.compile("\\b[A-Z]{2,5}-[0-9]{4}-[0-9]{3,10}\\b");

    CaughtMailsApiController(EmbeddedSmtp server, AccessLog accessLog) {
        this.accessLog = accessLog;
        this.server = server;
    }

    @GetMapping(path = "/api/admin/mails", produces = MediaType.APPLICATION_JSON_VALUE)
    @AccessLogged(AccessKind.VIEW)
    List<EmbeddedSmtp.CaughtMail> mails(Authentication user) {
        boolean admin = user.getAuthorities().stream()
                .anyMatch(authority -> Role.ADMIN.authority().equals(authority.getAuthority()));
        if (!admin) {
            throw new ForbiddenException(user.getName() + " may not read the caught mails");
        }
        List<EmbeddedSmtp.CaughtMail> mails = server.latest();
        // citizens' addresses and texts: one access record per case the mails name (ADR 0028)
        Set<String> caseNumbers = new LinkedHashSet<>();
        mails.forEach(mail -> {
            Matcher matcher = CASE_NUMBER.matcher(mail.subject() + "\n" + mail.textBody());
            while (matcher.find()) {
                caseNumbers.add(matcher.group());
            }
        });
        accessLog.caughtMailsRead(caseNumbers);
        return mails;
    }
}
