package dk.initiativ.notification;

import java.util.List;

import dk.initiativ.identity.Role;
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

    CaughtMailsApiController(EmbeddedSmtp server) {
        this.server = server;
    }

    @GetMapping(path = "/api/admin/mails", produces = MediaType.APPLICATION_JSON_VALUE)
    List<EmbeddedSmtp.CaughtMail> mails(Authentication user) {
        boolean admin = user.getAuthorities().stream()
                .anyMatch(authority -> Role.ADMIN.authority().equals(authority.getAuthority()));
        if (!admin) {
            throw new ForbiddenException(user.getName() + " may not read the caught mails");
        }
        return server.latest();
    }
}
