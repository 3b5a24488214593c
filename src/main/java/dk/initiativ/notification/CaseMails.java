package dk.initiativ.notification;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
import dk.initiativ.politics.PoliticalDecisionView;
import dk.initiativ.politics.PoliticalDecisions;
import dk.initiativ.process.Deadlines;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The e-mails a case's events cause, to the citizen (in the case's language) and to staff (in Danish).
 * Listens synchronously, inside the transaction that writes the event: the mail is stored in the outbox
 * with the change, and a rollback drops both. Sending happens later ({@link MailSender}).
 * <p>
 * Every milestone the citizen's tracking page shows is announced to the citizen once (ADR 0018): the
 * milestones one step records (one transaction, e.g. a support plan with funding, permits, partners and a
 * committee) are collected per case and leave as ONE mail just before the transaction commits; a single
 * milestone gets its own mail. What the citizen did themselves on the tracking page (an answer, the survey)
 * is confirmed there and not mailed; their withdrawal is confirmed by mail. Staff notices leave at once.
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
    private final PoliticalDecisions politics;
    private final Deadlines deadlines;
    private final MessageSource messages;
    private final MailOutbox outbox;
    private final String publicUrl;

    CaseMails(Cases cases, StaffDirectory staff, IdentityService identities, FundingApplications funding,
            PermitRequirements permits, PoliticalDecisions politics, Deadlines deadlines, MessageSource messages,
            MailOutbox outbox,
            @Value("${initiativ.public-url:http://localhost:8080}") String publicUrl) {
        this.politics = politics;
        this.cases = cases;
        this.staff = staff;
        this.identities = identities;
        this.funding = funding;
        this.permits = permits;
        this.deadlines = deadlines;
        this.messages = messages;
        this.outbox = outbox;
        if (!publicUrl.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
            throw new IllegalStateException("initiativ.public-url must be the application's address as citizens reach"
                    + " it, such as https://initiativ.kommune.dk (environment variable INITIATIV_PUBLIC_URL), not '"
                    + publicUrl + "'");
        }
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /**
     * The timeline entries the citizen sees that are announced to them, in the order a combined mail lists
     * them first (the first one present names the combined mail). Not here, because the citizen did it
     * themselves on the tracking page and sees it confirmed there: {@code INFORMATION_PROVIDED},
     * {@code SURVEY_ANSWERED}.
     */
    static final List<CaseEventType> ANNOUNCED = List.of(CaseEventType.WITHDRAWN, CaseEventType.CLOSED,
            CaseEventType.REDIRECTED, CaseEventType.MARKED_DUPLICATE, CaseEventType.CLOSED_INACTIVE,
            CaseEventType.SUBMITTED, CaseEventType.INFORMATION_REQUESTED, CaseEventType.INFORMATION_REMINDER,
            CaseEventType.ACCEPTED, CaseEventType.CONTACT_ASSIGNED, CaseEventType.CONTACT_REASSIGNED,
            CaseEventType.AGREEMENT_RECORDED, CaseEventType.FUNDING_GRANTED, CaseEventType.FUNDING_REJECTED,
            CaseEventType.PERMIT_APPROVED, CaseEventType.PERMIT_REFUSED, CaseEventType.POLITICAL_DECIDED,
            CaseEventType.SUPPORT_PLANNED, CaseEventType.FUNDING_PROPOSED, CaseEventType.PERMIT_REQUIRED,
            CaseEventType.PARTNER_LINKED, CaseEventType.POLITICAL_FORWARDED, CaseEventType.SUPPORT_COMPLETED,
            CaseEventType.PROGRESS_RECORDED);

    /** Timeline entries the citizen sees without a mail: they did it themselves, on the page that confirms it. */
    static final Set<CaseEventType> CONFIRMED_ON_THE_PAGE = Set.of(CaseEventType.INFORMATION_PROVIDED,
            CaseEventType.SURVEY_ANSWERED);

    /**
     * Timeline entries that come with the submission itself and are announced by its receipt (the receipt mail,
     * or for a citizen without e-mail the printed receipt the employee hands over): the registration by staff.
     */
    static final Set<CaseEventType> WITH_THE_RECEIPT = Set.of(CaseEventType.REGISTERED_BY_STAFF);

    @EventListener
    void on(CaseEventRecorded event) {
        if (MailSuppression.active() || !event.announced()) {
            return;
        }
        String caseNumber = event.caseNumber();
        // staff notices: at once, one per person and event
        switch (event.type()) {
            case CONTACT_REASSIGNED -> {
                CaseView view = cases.view(caseNumber);
                toStaff(view, view.contactPerson(), event.actor(), "reassigned");
            }
            case CONTACT_PROPOSED -> {
                CaseView view = cases.view(caseNumber);
                toStaff(view, view.contactPerson(), event.actor(), "proposed");
            }
            case MATCH_ESCALATED -> toStaff(cases.view(caseNumber), event.detail(), event.actor(), "escalated");
            case INFORMATION_PROVIDED -> {
                // intake screens the case again: the screening task's candidates are the intake group
                CaseView view = cases.view(caseNumber);
                intakeMembers().forEach(userId -> toStaff(view, userId, event.actor(), "answered"));
            }
            case WITHDRAWN -> {
                CaseView view = cases.view(caseNumber);
                toStaff(view, view.contactPerson(), event.actor(), "withdrawn");
            }
            default -> {
                // no staff notice
            }
        }
        // the citizen: the milestones of this step, in one mail when the step commits
        if (event.type().visibleToCitizen() && ANNOUNCED.contains(event.type())) {
            collect(event);
        }
    }

    /** Adds the milestone to the current transaction's mail for its case (or mails it now, outside one). */
    private void collect(CaseEventRecorded event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            announce(event.caseNumber(), List.of(event));
            return;
        }
        StepMilestones step = TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(StepMilestones.class::isInstance).map(StepMilestones.class::cast)
                .filter(s -> s.owner == this).findFirst().orElse(null);
        if (step == null || step.announced) {
            if (step != null) {
                // recorded while another synchronization committed: too late to join, still announced once
                announce(event.caseNumber(), List.of(event));
                return;
            }
            step = new StepMilestones(this);
            TransactionSynchronizationManager.registerSynchronization(step);
        }
        step.byCase.computeIfAbsent(event.caseNumber(), key -> new ArrayList<>()).add(event);
    }

    /**
     * The citizen milestones one transaction recorded, per case; mailed just before it commits, so that the
     * mail commits with them (or not at all). Synchronizations are bound to the transaction, never shared.
     */
    private static final class StepMilestones implements TransactionSynchronization {

        private final CaseMails owner;
        private final Map<String, List<CaseEventRecorded>> byCase = new LinkedHashMap<>();
        private boolean announced;

        StepMilestones(CaseMails owner) {
            this.owner = owner;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            announced = true;
            byCase.forEach(owner::announce);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    /** One mail to the case's citizen announcing the milestones of one step. */
    private void announce(String caseNumber, List<CaseEventRecorded> events) {
        // the timeline only for a reminder's question: a receipt reads none of it
        CaseView view = cases.viewTimelineWhenUsed(caseNumber);
        if (view.contactEmail() == null || view.contactEmail().isBlank()) {
            return;
        }
        List<CaseEventRecorded> ordered = new ArrayList<>(events);
        // the lead milestone first (it names the mail), the others as they happened
        CaseEventRecorded lead = lead(events);
        ordered.sort(Comparator.comparingInt(e -> e == lead ? 0 : 1));
        List<Announcement> parts = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (CaseEventRecorded event : ordered) {
            // the same milestone twice in one step (e.g. two events of one decision) is announced once
            if (seen.add(event.type() + "|" + event.detail())) {
                milestone(view, event).ifPresent(mail -> parts.add(new Announcement(event.type(), mail)));
            }
        }
        if (parts.isEmpty()) {
            return;
        }
        if (parts.size() == 1) {
            send(parts.get(0).mail());
            return;
        }
        Locale locale = locale(view);
        MailContent first = parts.get(0).mail();
        MailContent combined = new MailContent(view.contactEmail(), locale, first.getSubject())
                .about(view.caseNumber())
                .greeting(text(locale, "mail.greeting", view.contactName()))
                .footer(text(locale, "mail.footer"))
                .paragraph(text(locale, "mail.milestones.body", view.title(), parts.size()))
                .fact(text(locale, "mail.caseNumber"), view.caseNumber());
        String caseFact = text(locale, "mail.caseNumber");
        Set<String> closing = new LinkedHashSet<>();
        List<MailContent.Link> links = new ArrayList<>();
        for (Announcement part : parts) {
            MailContent mail = part.mail();
            combined.section(new MailContent.Section(text(locale, "caseEvent." + part.type().name()),
                    mail.getParagraphs(),
                    mail.getFacts().stream().filter(f -> !f.label().equals(caseFact)).toList(),
                    mail.getQuoteLabel(), mail.getQuote()));
            closing.addAll(mail.getClosing());
            mail.getLinks().forEach(link -> {
                if (links.stream().noneMatch(l -> l.url().equals(link.url()))) {
                    links.add(link);
                }
            });
        }
        links.forEach(link -> combined.link(link.label(), link.url()));
        closing.forEach(combined::closing);
        send(combined);
    }

    private record Announcement(CaseEventType type, MailContent mail) {
    }

    private static CaseEventRecorded lead(List<CaseEventRecorded> events) {
        return events.stream().min(Comparator.comparingInt(e -> ANNOUNCED.indexOf(e.type()))).orElseThrow();
    }

    /** What the citizen's mail says about one milestone, or empty where it says nothing. */
    private Optional<MailContent> milestone(CaseView view, CaseEventRecorded event) {
        String caseNumber = view.caseNumber();
        return Optional.ofNullable(switch (event.type()) {
            case SUBMITTED -> receipt(view);
            case INFORMATION_REQUESTED -> informationRequested(caseNumber, event.detail(), false);
            case INFORMATION_REMINDER -> informationRequested(caseNumber, lastQuestion(view), true);
            case CONTACT_ASSIGNED -> contactPerson(caseNumber, false);
            // the citizen knew a contact person already; before that, the new one has yet to take it
            case CONTACT_REASSIGNED -> view.stage() == Stage.MATCHED || view.stage() == Stage.AGREED
                    ? contactPerson(caseNumber, true) : null;
            case FUNDING_GRANTED, FUNDING_REJECTED -> fundingDecision(caseNumber);
            case PERMIT_APPROVED, PERMIT_REFUSED -> permitDecision(caseNumber, event.type());
            case CLOSED, REDIRECTED, MARKED_DUPLICATE, CLOSED_INACTIVE -> closed(caseNumber, event);
            case WITHDRAWN -> withdrawn(caseNumber);
            case ACCEPTED, AGREEMENT_RECORDED, SUPPORT_PLANNED, SUPPORT_COMPLETED ->
                    notice(view, event.type()).paragraph(text(locale(view), "mail.milestone." + event.type().name()
                            + ".next"));
            case FUNDING_PROPOSED -> fundingProposed(view, event);
            case PERMIT_REQUIRED -> notice(view, event.type())
                    .fact(text(locale(view), "mail.milestone.permit"), event.detail());
            case PARTNER_LINKED -> notice(view, event.type())
                    .fact(text(locale(view), "mail.milestone.partners"), event.detail());
            case POLITICAL_FORWARDED -> notice(view, event.type())
                    .fact(text(locale(view), "mail.milestone.committee"), event.detail());
            case POLITICAL_DECIDED -> politicalDecision(view);
            case PROGRESS_RECORDED -> notice(view, event.type()).fact(text(locale(view), "mail.milestone.progress"),
                    view.progressPercent() == null ? null : text(locale(view), "mail.milestone.percent",
                            view.progressPercent()));
            default -> null;
        });
    }

    /**
     * A notice of a milestone: what happened, in one sentence, and the link to the tracking page where the
     * details are (e-mail travels unencrypted: texts that staff wrote stay on the page).
     */
    private MailContent notice(CaseView view, CaseEventType type) {
        Locale locale = locale(view);
        String key = "mail.milestone." + type.name();
        return citizenMail(view, "milestone." + type.name())
                .paragraph(text(locale, key + ".body", view.title()));
    }

    private MailContent fundingProposed(CaseView view, CaseEventRecorded event) {
        Locale locale = locale(view);
        MailContent mail = notice(view, event.type());
        Optional<FundingApplicationView> proposed = funding.forCase(view.caseNumber()).stream()
                .filter(a -> a.status() == FundingApplicationStatus.PROPOSED)
                .max(Comparator.comparing(FundingApplicationView::id));
        proposed.ifPresent(application -> mail
                .fact(text(locale, "mail.funding.pool"), application.poolName())
                .fact(text(locale, "mail.funding.requested"), kroner(application.amountRequested(), locale)));
        return mail.paragraph(text(locale, "mail.milestone.FUNDING_PROPOSED.next"));
    }

    private MailContent politicalDecision(CaseView view) {
        Locale locale = locale(view);
        Optional<PoliticalDecisionView> decision = politics.of(view.caseNumber());
        MailContent mail = notice(view, CaseEventType.POLITICAL_DECIDED);
        decision.ifPresent(d -> mail.fact(text(locale, "mail.milestone.committee"), d.committee())
                .fact(text(locale, "mail.milestone.decidedOn"), d.decidedOn() == null ? null
                        : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(d.decidedOn())));
        return mail.paragraph(text(locale, "mail.milestone.POLITICAL_DECIDED.next"));
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

    /** The citizen withdrew: a confirmation to them (the staff member who had the case is told apart). */
    private MailContent withdrawn(String caseNumber) {
        CaseView view = cases.view(caseNumber);
        Locale locale = locale(view);
        return citizenMail(view, "withdrawn")
                .paragraph(text(locale, "mail.withdrawn.body", view.title()))
                .paragraph(text(locale, "mail.withdrawn.next"))
                .closing(text(locale, "mail.closed.thanks"));
    }

    private List<String> intakeMembers() {
        return identities.createUserQuery().memberOfGroup(Role.INTAKE.groupId()).list().stream().map(User::getId)
                .sorted().toList();
    }

    /** The receipt, from the view the step's mail was begun with (read when the submission was about to commit). */
    private MailContent receipt(CaseView view) {
        Locale locale = locale(view);
        String due = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                .format(deadlines.intakeScreeningDue().toInstant().atZone(deadlines.zone()));
        return citizenMail(view, "receipt")
                .paragraph(text(locale, "mail.receipt.body", view.title()))
                .paragraph(text(locale, "mail.receipt.next", due))
                .paragraph(text(locale, "mail.receipt.after"))
                .closing(text(locale, "mail.receipt.keepLink"));
    }

    private MailContent informationRequested(String caseNumber, String question, boolean reminder) {
        CaseView view = cases.view(caseNumber);
        Locale locale = locale(view);
        String kind = reminder ? "reminder" : "question";
        return citizenMail(view, kind, "mail." + kind + ".link")
                .paragraph(text(locale, "mail." + kind + ".body", view.title()))
                .quote(text(locale, "mail.question.label"), question)
                .paragraph(text(locale, "mail." + kind + ".answer"));
    }

    private MailContent contactPerson(String caseNumber, boolean changed) {
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
        return mail;
    }

    private MailContent fundingDecision(String caseNumber) {
        CaseView view = cases.view(caseNumber);
        Locale locale = locale(view);
        Optional<FundingApplicationView> decided = funding.forCase(caseNumber).stream()
                .filter(a -> a.status() != FundingApplicationStatus.PROPOSED && a.decidedAt() != null)
                .max(Comparator.comparing(FundingApplicationView::decidedAt).thenComparing(FundingApplicationView::id));
        if (decided.isEmpty()) {
            log.warn("Case {}: a funding decision without a decided application; no mail", caseNumber);
            return null;
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
        return mail;
    }

    private MailContent permitDecision(String caseNumber, CaseEventType type) {
        CaseView view = cases.view(caseNumber);
        Locale locale = locale(view);
        PermitStatus wanted = type == CaseEventType.PERMIT_APPROVED ? PermitStatus.APPROVED : PermitStatus.REFUSED;
        Optional<PermitView> decided = permits.forCase(caseNumber).stream()
                .filter(p -> p.status() == wanted && p.decidedAt() != null)
                .max(Comparator.comparing(PermitView::decidedAt).thenComparing(PermitView::id));
        if (decided.isEmpty()) {
            log.warn("Case {}: a permit decision without a decided permit; no mail", caseNumber);
            return null;
        }
        PermitView permit = decided.get();
        String kind = wanted == PermitStatus.APPROVED ? "permitApproved" : "permitRefused";
        return citizenMail(view, kind)
                .paragraph(text(locale, "mail." + kind + ".body", permits.label(permit, locale), view.title()))
                .quote(text(locale, "mail.permit.reason"), permit.reason())
                .paragraph(text(locale, "mail." + kind + ".next"));
    }

    private MailContent closed(String caseNumber, CaseEventRecorded event) {
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
        return mail;
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
                .about(view.caseNumber())
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
                .about(view.caseNumber())
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
        outbox.enqueue(mail);
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
