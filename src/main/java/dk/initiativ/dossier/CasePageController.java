package dk.initiativ.dossier;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dk.initiativ.attachment.Attachments;
import dk.initiativ.casework.Agreements;
import dk.initiativ.casework.CaseAccess;
import dk.initiativ.casework.CaseNotes;
import dk.initiativ.casework.CaseReads;
import dk.initiativ.casework.StaffUser;
import dk.initiativ.catalog.CatalogService;
import dk.initiativ.citizen.CaseMessages;
import dk.initiativ.citizen.Surveys;
import dk.initiativ.initiative.CaseView;
import dk.initiativ.initiative.Cases;
import dk.initiativ.intake.IntakeService;
import dk.initiativ.permits.Departments;
import dk.initiativ.permits.PermitView;
import dk.initiativ.process.DeadlineProperties;
import dk.initiativ.web.FieldProblemException;
import dk.initiativ.web.ForbiddenException;
import dk.initiativ.web.HtmlPage;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case as a page for staff, linked from every Camunda Form in Tasklist: what the citizen wrote
 * (always as text), the submitted facts and files, the agreement, the timeline and the message thread. Citizen text
 * never enters process variables (ADR 0001, 0004), so Tasklist links here instead of showing it. A department
 * member who decides a permit of the case sees the title, description, district and their department's permits
 * only.
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
    private final Departments departments;
    private final CaseNotes notes;
    private final MessageSource texts;
    private final CaseReads reads;

    CasePageController(Cases cases, CaseAccess access, Agreements agreements, CaseMessages messages,
            CatalogService catalog, DeadlineProperties deadlineProperties, Attachments attachments,
            CaseOverview overview, IntakeService intake, Surveys surveys,
            Departments departments, CaseNotes notes, MessageSource texts, CaseReads reads) {
        this.reads = reads;
        this.overview = overview;
        this.intake = intake;
        this.surveys = surveys;
        this.departments = departments;
        this.notes = notes;
        this.texts = texts;
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
            List<PermitView> permits = access.permitsToDecide(user, view);
            if (permits.isEmpty()) {
                throw new ForbiddenException(user.userId() + " may not read case " + caseNumber);
            }
            // a department: what the permit decision needs, not the citizen's contact data, messages or other tracks
            model.addAttribute("initiative", view);
            model.addAttribute("permits", permits);
            model.addAttribute("departmentNames", permits.stream().map(PermitView::departmentGroup).distinct()
                    .collect(Collectors.toMap(group -> group, group -> departments.name(group, locale))));
            model.addAttribute("districtName",
                    catalog.districtNames(locale).getOrDefault(view.district(), view.district()));
            return "staff/permit-case";
        }
        // the citizen's messages shown here are read now (the inbox's "unread")
        reads.markRead(caseNumber, user);
        return fullPage(view, locale, model);
    }

    /** A new internal note from the note box: back to the page's notes, or the page again with the field error. */
    @PostMapping("/cases/{caseNumber}/notes")
    String writeNote(@PathVariable String caseNumber, @RequestParam(name = "body", required = false) String body,
            Authentication authentication, Locale locale, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            notes.write(caseNumber, body, StaffUser.of(authentication));
        } catch (FieldProblemException e) {
            String message = texts.getMessage(e.messageKey(), null, locale);
            model.addAttribute("noteError", message);
            model.addAttribute("noteErrors", Map.of(e.field(), message));
            model.addAttribute("noteBody", body);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return fullPage(cases.view(caseNumber), locale, model);
        }
        redirect.addFlashAttribute("notice", "staffNotes.saved");
        return "redirect:/cases/" + caseNumber + "#notes";
    }

    private String fullPage(CaseView view, Locale locale, Model model) {
        String caseNumber = view.caseNumber();
        model.addAttribute("notes", notes.of(caseNumber));
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
