package dk.initiativ.notification;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dk.initiativ.citizen.CitizenMessagePosted;
import dk.initiativ.citizen.StaffMessagePosted;
import dk.initiativ.funding.FundingApplicationStatus;
import dk.initiativ.funding.FundingApplicationView;
import dk.initiativ.funding.FundingApplications;
import dk.initiativ.identity.Role;
import dk.initiativ.initiative.CaseEventRecorded;
import dk.initiativ.initiative.CaseEventType;
import dk.initiativ.initiative.CaseView;
import dk.initiativ.initiative.Cases;
import dk.initiativ.initiative.Outcome;
import dk.initiativ.initiative.Stage;
import dk.initiativ.matching.StaffDirectory;
import dk.initiativ.matching.StaffMember;
import dk.initiativ.permits.PermitRequirements;
import dk.initiativ.permits.PermitStatus;
import dk.initiativ.permits.PermitView;
import dk.initiativ.process.Deadlines;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The e-mails a case's events cause, to the citizen (in the case's language) and to staff (in Danish).
 * Listens synchronously, inside the transaction that writes the event: the mail is stored in the outbox
 * with the change, and a rollback drops both. Sending happens later ({@link MailSender}).
 */
@Component
class CaseMails {

    private static final Logger log = LoggerFactory.getLogger(CaseMails.class);
    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final Cases cases;
    private final StaffDirectory staff;
    private final IdentityService identities;
    private final FundingApplications funding;
    private final PermitRequirements permits;
    private final Deadlines deadlines;
    private final MessageSource messages;
    private final MailTemplates templates;
    private final MailOutbox outbox;
    private final String publicUrl;

    CaseMails(Cases cases, StaffDirectory staff, IdentityService identities, FundingApplications funding,
            PermitRequirements permits, Deadlines deadlines, MessageSource messages, MailTemplates templates,
            MailOutbox outbox, @Value("${initiativ.public-url:http://localhost:8080}") String publicUrl) {
        this.cases = cases;
        this.staff = staff;
        this.identities = identities;
        this.funding = funding;
        this.permits = permits;
        this.deadlines = deadlines;
        this.messages = messages;
        this.templates = templates;
        this.outbox = outbox;
        if (!publicUrl.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
            throw new IllegalStateException("initiativ.public-url must be the application's address as citizens reach"
                    + " it, such as https://initiativ.kommune.dk (environment variable INITIATIV_PUBLIC_URL), not '"
                    + publicUrl + "'");
        }
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @EventListener
    void on(CaseEventRecorded event) {
        if (MailSuppression.active()) {
            return;
        }
        String caseNumber = event.caseNumber();
        switch (event.type()) {
            case SUBMITTED -> receipt(caseNumber);
            case INFORMATION_REQUESTED -> informationRequested(caseNumber, event.detail(), false);
            case INFORMATION_REMINDER -> informationRequested(caseNumber, lastQuestion(cases.view(caseNumber)), true);
            case CONTACT_ASSIGNED -> contactPerson(caseNumber, false);
            case CONTACT_REASSIGNED -> {
                CaseView view = cases.view(caseNumber);
                if (view.stage() == Stage.MATCHED || view.stage() == Stage.AGREED) {
                    // the citizen knew a contact person already; before that, the new one has yet to take it
                    contactPerson(caseNumber, true);
                }
                toStaff(view, view.contactPerson(), event.actor(), "reassigned");
            }
            case CONTACT_PROPOSED -> {
                CaseView view = cases.view(caseNumber);
                toStaff(view, view.contactPerson(), event.actor(), "proposed");
            }
            case MATCH_ESCALATED -> toStaff(cases.view(caseNumber), event.detail(), event.actor(), "escalated");
            case FUNDING_GRANTED, FUNDING_REJECTED -> fundingDecision(caseNumber);
            case PERMIT_APPROVED, PERMIT_REFUSED -> permitDecision(caseNumber, event.type());
            case CLOSED, REDIRECTED, MARKED_DUPLICATE, CLOSED_INACTIVE -> closed(caseNumber, event);
            case INFORMATION_PROVIDED -> {
                // intake screens the case again: the screening task's candidates are the intake group
                CaseView view = cases.view(caseNumber);
                intakeMembers().forEach(userId -> toStaff(view, userId, event.actor(), "answered"));
            }
            case WITHDRAWN -> withdrawn(caseNumber, event.actor());
            default -> {
                // no mail: the citizen sees it on the tracking page
            }
        }
    }

    @EventListener
    void on(StaffMessagePosted event) {
        if (MailSuppression.active()) {
            return;
        }
        CaseView view = cases.view(event.caseNumber());
        Locale locale = locale(view);
        String author = staff.byUserId(event.author()).map(StaffMember::displayName)
                .orElse(text(locale, "mail.message.yourContactPerson"));
        // the message itself stays on the tracking page: answers belong there, and e-mail travels unencrypted
        send(citizenMail(view, "message")
                .paragraph(text(locale, "mail.message.body", author, view.title()))
                .paragraph(text(locale, "mail.message.why")));
    }

    /** The citizen wrote: the contact person (accepted or proposed) is told, or intake while there is none yet. */
    @EventListener
    void on(CitizenMessagePosted event) {
        if (MailSuppression.active()) {
            return;
        }
        CaseView view = cases.view(event.caseNumber());
        if (view.contactPerson() != null) {
            toStaff(view, view.contactPerson(), null, "citizenMessage");
        } else {
            intakeMembers().forEach(userId -> toStaff(view, userId, null, "citizenMessage"));
        }
    }

    /** The citizen withdrew: a confirmation to them, a notice to the staff member who had the case. */
    private void withdrawn(String caseNumber, String actor) {
        CaseView view = cases.view(caseNumber);
        Locale locale = locale(view);
        send(citizenMail(view, "withdrawn")
                .paragraph(text(locale, "mail.withdrawn.body", view.title()))
                .paragraph(text(locale, "mail.withdrawn.next"))
                .closing(text(locale, "mail.closed.thanks")));
        toStaff(view, view.contactPerson(), actor, "withdrawn");
    }

    private List<String> intakeMembers() {
        return identities.createUserQuery().memberOfGroup(Role.INTAKE.groupId()).list().stream().map(User::getId)
                .sorted().toList();
    }

    private void receipt(String caseNumber) {
        CaseView view = cases.view(caseNumber);
        Locale locale = locale(view);
        String due = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                .format(deadlines.intakeScreeningDue().toInstant().atZone(deadlines.zone()));
        send(citizenMail(view, "receipt")
                .paragraph(text(locale, "mail.receipt.body", view.title()))
                .paragraph(text(locale, "mail.receipt.next", due))
                .paragraph(text(locale, "mail.receipt.after"))
                .closing(text(locale, "mail.receipt.keepLink")));
    }

    private void informationRequested(String caseNumber, String question, boolean reminder) {
        CaseView view = cases.view(caseNumber);
        Locale locale = locale(view);
        String kind = reminder ? "reminder" : "question";
        send(citizenMail(view, kind, "mail." + kind + ".link")
                .paragraph(text(locale, "mail." + kind + ".body", view.title()))
                .quote(text(locale, "mail.question.label"), question)
                .paragraph(text(locale, "mail." + kind + ".answer")));
    }

    private void contactPerson(String caseNumber, boolean changed) {
        CaseView view = cases.view(caseNumber);
        Locale locale = locale(view);
        Optional<StaffMember> person = Optional.ofNullable(view.contactPerson()).flatMap(staff::byUserId);
        String name = person.map(StaffMember::displayName).orElse(null);
        MailContent mail = citizenMail(view, changed ? "contactChanged" : "contact")
                .paragraph(text(locale, changed ? "mail.contactChanged.body" : "mail.contact.body",
                        name == null ? text(locale, "mail.message.yourContactPerson") : name, view.title()))
                .fact(text(locale, "mail.contact.name"), name)
                .fact(text(locale, "mail.contact.email"), person.map(StaffMember::email).orElse(null))
                .fact(text(locale, "mail.contact.phone"), person.map(StaffMember::phone).orElse(null))
                .paragraph(text(locale, "mail.contact.next"));
        send(mail);
    }

    private void fundingDecision(String caseNumber) {
        CaseView view = cases.view(caseNumber);
        Locale locale = locale(view);
        Optional<FundingApplicationView> decided = funding.forCase(caseNumber).stream()
                .filter(a -> a.status() != FundingApplicationStatus.PROPOSED && a.decidedAt() != null)
                .max(Comparator.comparing(FundingApplicationView::decidedAt).thenComparing(FundingApplicationView::id));
        if (decided.isEmpty()) {
            log.warn("Case {}: a funding decision without a decided application; no mail", caseNumber);
            return;
        }
        FundingApplicationView application = decided.get();
        MailContent mail;
        if (application.status() == FundingApplicationStatus.GRANTED) {
            mail = citizenMail(view, "fundingGranted")
                    .paragraph(text(locale, "mail.fundingGranted.body", application.poolName(), view.title()))
                    .fact(text(locale, "mail.funding.pool"), application.poolName())
                    .fact(text(locale, "mail.funding.requested"), kroner(application.amountRequested(), locale))
                    .fact(text(locale, "mail.funding.granted"), kroner(application.amountGranted(), locale))
                    .quote(text(locale, "mail.funding.note"), application.decisionReason())
                    .paragraph(text(locale, "mail.fundingGranted.next"));
        } else {
            mail = citizenMail(view, "fundingRejected")
                    .paragraph(text(locale, "mail.fundingRejected.body", application.poolName(), view.title()))
                    .quote(text(locale, "mail.funding.reason"), application.decisionReason())
                    .paragraph(text(locale, "mail.fundingRejected.next"));
        }
        send(mail);
    }

    private void permitDecision(String caseNumber, CaseEventType type) {
        CaseView view = cases.view(caseNumber);
        Locale locale = locale(view);
        PermitStatus wanted = type == CaseEventType.PERMIT_APPROVED ? PermitStatus.APPROVED : PermitStatus.REFUSED;
        Optional<PermitView> decided = permits.forCase(caseNumber).stream()
                .filter(p -> p.status() == wanted && p.decidedAt() != null)
                .max(Comparator.comparing(PermitView::decidedAt).thenComparing(PermitView::id));
        if (decided.isEmpty()) {
            log.warn("Case {}: a permit decision without a decided permit; no mail", caseNumber);
            return;
        }
        PermitView permit = decided.get();
        String kind = wanted == PermitStatus.APPROVED ? "permitApproved" : "permitRefused";
        send(citizenMail(view, kind)
                .paragraph(text(locale, "mail." + kind + ".body", permit.kind(), view.title()))
                .quote(text(locale, "mail.permit.reason"), permit.reason())
                .paragraph(text(locale, "mail." + kind + ".next")));
    }

    private void closed(String caseNumber, CaseEventRecorded event) {
        CaseView view = cases.view(caseNumber);
        Locale locale = locale(view);
        Outcome outcome = view.outcome();
        String outcomeText = outcome == null ? null : text(locale, "mail.outcome." + outcome.name());
        MailContent mail = citizenMail(view, "closed")
                .paragraph(text(locale, "mail.closed.body", view.title()))
                .fact(text(locale, "mail.closed.outcome"), outcomeText);
        switch (event.type()) {
            case CLOSED -> mail.quote(text(locale, "mail.closed.message"), event.detail());
            case REDIRECTED -> mail.quote(text(locale, "mail.closed.redirected"), event.detail());
            case MARKED_DUPLICATE -> mail.paragraph(text(locale, "mail.closed.duplicate"));
            case CLOSED_INACTIVE -> mail.paragraph(text(locale, "mail.closed.inactive"));
            default -> {
            }
        }
        if (event.type() == CaseEventType.CLOSED) {
            // the survey asks how the collaboration went: only where there was one
            cases.trackingTokenOf(caseNumber).ifPresent(token -> mail
                    .paragraph(text(locale, "mail.closed.survey"))
                    .link(text(locale, "mail.closed.surveyLink"), trackingLink(token) + "/survey"));
        }
        mail.closing(text(locale, "mail.closed.thanks"));
        send(mail);
    }

    /**
     * A staff mail (Danish) to {@code userId} about the case: proposed, reassigned or escalated to them, the
     * citizen wrote, answered intake's question or withdrew. A notice only, never the citizen's text (e-mail is
     * not private): the link opens the staff case page, where it is.
     */
    private void toStaff(CaseView view, String userId, String actor, String kind) {
        if (userId == null || userId.isBlank() || userId.equals(actor)) {
            return; // nobody to tell, or they did it themselves
        }
        Optional<StaffContact> person = staffContact(userId);
        if (person.isEmpty()) {
            log.warn("Case {}: no e-mail address for staff user {}; the {} mail is not sent", view.caseNumber(),
                    userId, kind);
            return;
        }
        String name = person.get().name();
        MailContent mail = new MailContent(person.get().email(), DANISH,
                text(DANISH, "mail.staff." + kind + ".subject", view.caseNumber()))
                .greeting(text(DANISH, "mail.greeting", name))
                .footer(text(DANISH, "mail.staff.footer"))
                .paragraph(text(DANISH, "mail.staff." + kind + ".body", view.caseNumber(), view.title()))
                .fact(text(DANISH, "mail.caseNumber"), view.caseNumber())
                .fact(text(DANISH, "mail.staff.title"), view.title())
                .paragraph(text(DANISH, "mail.staff." + kind + ".next"))
                .link(text(DANISH, "mail.staff.caseLink"), publicUrl + "/cases/"
                        + URLEncoder.encode(view.caseNumber(), StandardCharsets.UTF_8));
        send(mail);
    }

    /** A staff member's name and address: the staff profile, else the identity (managers have no profile). */
    private record StaffContact(String name, String email) {
    }

    private Optional<StaffContact> staffContact(String userId) {
        Optional<StaffMember> profile = staff.byUserId(userId).filter(m -> m.email() != null && !m.email().isBlank());
        if (profile.isPresent()) {
            return profile.map(m -> new StaffContact(m.displayName(), m.email()));
        }
        User user = identities.createUserQuery().userId(userId).singleResult();
        if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
            return Optional.empty();
        }
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return Optional.of(new StaffContact(name.isEmpty() ? userId : name, user.getEmail()));
    }

    /** A mail to the case's citizen, with greeting, case number and the tracking link first. */
    private MailContent citizenMail(CaseView view, String kind) {
        return citizenMail(view, kind, "mail.trackingLink");
    }

    private MailContent citizenMail(CaseView view, String kind, String linkKey) {
        Locale locale = locale(view);
        MailContent mail = new MailContent(view.contactEmail(), locale,
                text(locale, "mail." + kind + ".subject", view.caseNumber()))
                .greeting(text(locale, "mail.greeting", view.contactName()))
                .footer(text(locale, "mail.footer"))
                .fact(text(locale, "mail.caseNumber"), view.caseNumber());
        cases.trackingTokenOf(view.caseNumber()).ifPresent(token -> mail.link(text(locale, linkKey), trackingLink(token)));
        return mail;
    }

    /**
     * Every mail of this class leaves through here, so the rule holds in one place: nothing is queued for a
     * recipient without an address. A citizen registered by staff may have none (issue 15); the contact person
     * then reaches them by phone or letter, and the case page says so.
     */
    private void send(MailContent mail) {
        if (mail.getTo() == null || mail.getTo().isBlank()) {
            log.debug("No e-mail address for '{}': not queued", mail.getSubject());
            return;
        }
        outbox.enqueue(templates.render(mail));
    }

    private String trackingLink(String token) {
        return publicUrl + "/track/" + token;
    }

    private static String lastQuestion(CaseView view) {
        List<CaseView.TimelineEntry> timeline = view.timeline();
        for (int i = timeline.size() - 1; i >= 0; i--) {
            if (timeline.get(i).type() == CaseEventType.INFORMATION_REQUESTED) {
                return timeline.get(i).detail();
            }
        }
        return null;
    }

    private static Locale locale(CaseView view) {
        return "en".equals(view.language()) ? Locale.ENGLISH : DANISH;
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private String kroner(BigDecimal amount, Locale locale) {
        if (amount == null) {
            return null;
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        boolean whole = amount.stripTrailingZeros().scale() <= 0;
        format.setMinimumFractionDigits(whole ? 0 : 2);
        format.setMaximumFractionDigits(2);
        return text(locale, "mail.kroner", format.format(amount));
    }
}
