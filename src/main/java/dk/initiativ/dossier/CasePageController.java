package dk.initiativ.dossier;

import java.util.Locale;

import dk.initiativ.attachment.Attachments;
import dk.initiativ.casework.Agreements;
import dk.initiativ.casework.CaseAccess;
import dk.initiativ.casework.StaffUser;
import dk.initiativ.catalog.CatalogService;
import dk.initiativ.citizen.CaseMessages;
import dk.initiativ.citizen.Surveys;
import dk.initiativ.initiative.CaseView;
import dk.initiativ.initiative.Cases;
import dk.initiativ.intake.IntakeService;
import dk.initiativ.process.DeadlineProperties;
import dk.initiativ.web.ForbiddenException;
import dk.initiativ.web.HtmlPage;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The case as a page for staff, linked from every Camunda Form in Tasklist: what the citizen wrote
 * (always as text), the submitted facts and files, the agreement, the timeline and the message thread. Citizen text
 * never enters process variables (ADR 0001, 0004), so Tasklist links here instead of showing it.
 */
@Controller
@HtmlPage
class CasePageController {

    private final Cases cases;
    private final CaseAccess access;
    private final Agreements agreements;
    private final CaseMessages messages;
    private final CatalogService catalog;
    private final DeadlineProperties deadlineProperties;
    private final Attachments attachments;
    private final CaseOverview overview;
    private final IntakeService intake;
    private final Surveys surveys;

    CasePageController(Cases cases, CaseAccess access, Agreements agreements, CaseMessages messages,
            CatalogService catalog, DeadlineProperties deadlineProperties, Attachments attachments,
            CaseOverview overview, IntakeService intake, Surveys surveys) {
        this.overview = overview;
        this.intake = intake;
        this.surveys = surveys;
        this.attachments = attachments;
        this.deadlineProperties = deadlineProperties;
        this.cases = cases;
        this.access = access;
        this.agreements = agreements;
        this.messages = messages;
        this.catalog = catalog;
    }

    @GetMapping("/cases/{caseNumber}")
    @Transactional(readOnly = true)
    String casePage(@PathVariable String caseNumber, Authentication authentication, Locale locale, Model model) {
        CaseView view = cases.view(caseNumber);
        StaffUser user = StaffUser.of(authentication);
        if (!access.mayRead(user, view)) {
            throw new ForbiddenException(user.userId() + " may not read case " + caseNumber);
        }
        model.addAttribute("initiative", view);
        model.addAttribute("zone", deadlineProperties.zone());
        model.addAttribute("details", cases.submissionDetails(caseNumber));
        model.addAttribute("agreement", agreements.of(caseNumber).orElse(null));
        model.addAttribute("messages", messages.thread(caseNumber));
        model.addAttribute("attachments", attachments.listFor(caseNumber));
        model.addAttribute("topicName", catalog.topicNames(locale).getOrDefault(view.topic(), view.topic()));
        model.addAttribute("districtName", catalog.districtNames(locale).getOrDefault(view.district(), view.district()));
        // staff's view: names, not user ids; intake's questions with the citizen's answers; open tasks; the survey
        model.addAttribute("contactPersonName", overview.name(view.contactPerson(), locale));
        model.addAttribute("timeline", overview.timeline(view, locale));
        model.addAttribute("openTasks", overview.openTasks(caseNumber, locale));
        model.addAttribute("questions", intake.requestsOf(caseNumber));
        model.addAttribute("survey", surveys.of(caseNumber).orElse(null));
        return "staff/case";
    }
}
