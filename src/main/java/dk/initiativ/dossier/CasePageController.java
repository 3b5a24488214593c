package dk.initiativ.dossier;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dk.initiativ.attachment.Attachments;
import dk.initiativ.casework.Agreements;
import dk.initiativ.casework.CaseAccess;
import dk.initiativ.casework.CaseNotes;
import dk.initiativ.casework.CaseReads;
import dk.initiativ.casework.EarlyClosures;
import dk.initiativ.casework.StaffTasks;
import dk.initiativ.casework.StaffUser;
import dk.initiativ.casework.TaskFormErrors;
import dk.initiativ.casework.TaskForms;
import dk.initiativ.catalog.CatalogService;
import dk.initiativ.citizen.CaseMessages;
import dk.initiativ.citizen.Surveys;
import dk.initiativ.initiative.CaseView;
import dk.initiativ.initiative.Cases;
import dk.initiativ.identity.Role;
import dk.initiativ.intake.IntakeService;
import dk.initiativ.matching.CaseMoves;
import dk.initiativ.permits.Departments;
import dk.initiativ.permits.PermitView;
import dk.initiativ.privacy.AccessLog;
import dk.initiativ.process.DeadlineProperties;
import dk.initiativ.web.AccessKind;
import dk.initiativ.web.AccessLogged;
import dk.initiativ.web.FieldProblemException;
import dk.initiativ.web.ForbiddenException;
import dk.initiativ.web.HtmlPage;
import dk.initiativ.web.NotAccessLogged;
import dk.initiativ.web.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The case as a page for staff, linked from every Camunda Form in Tasklist: what the citizen wrote
 * (always as text), the submitted facts and files, the agreement, the timeline and the message thread. Citizen text
 * never enters process variables (ADR 0001, 0004), so Tasklist links here instead of showing it. A department
 * member who decides a permit of the case sees the title, description, district and their department's permits
 * only.
 * <p>
 * It is also the place of work (ADR 0016): the user's open tasks on the case with their forms inline (claim,
 * complete, then back to the inbox with a confirmation), the reply to the citizen, closing early from follow-up,
 * and the manager's moves of the case. Every post goes through the same services and rules as the JSON API.
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
    private final InlineTaskForms inlineForms;
    private final TaskForms taskForms;
    private final StaffTasks tasks;
    private final EarlyClosures earlyClosures;
    private final CaseMoves moves;
    private final AccessLog accessLog;

    /** Where "back to the inbox" may go: the inbox with its view state, never another site (no open redirect). */
    private static final Pattern INBOX_URL = Pattern.compile("/indbakke([?/#][^\\\\\\s]*)?");
    static final String INBOX = "/indbakke";

    CasePageController(Cases cases, CaseAccess access, Agreements agreements, CaseMessages messages,
            CatalogService catalog, DeadlineProperties deadlineProperties, Attachments attachments,
            CaseOverview overview, IntakeService intake, Surveys surveys,
            Departments departments, CaseNotes notes, MessageSource texts, InlineTaskForms inlineForms,
            TaskForms taskForms, StaffTasks tasks, EarlyClosures earlyClosures, CaseMoves moves, CaseReads reads,
            AccessLog accessLog) {
        this.accessLog = accessLog;
        this.reads = reads;
        this.inlineForms = inlineForms;
        this.taskForms = taskForms;
        this.tasks = tasks;
        this.earlyClosures = earlyClosures;
        this.moves = moves;
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
    @Transactional
    @AccessLogged(AccessKind.VIEW)
    String casePage(@PathVariable String caseNumber, @RequestParam(name = "fra", required = false) String fra,
            Authentication authentication, Locale locale, Model model) {
        CaseView view = cases.view(caseNumber);
        StaffUser user = StaffUser.of(authentication);
        model.addAttribute("inboxUrl", inboxUrl(fra));
        if (!access.mayRead(user, view)) {
            List<PermitView> permits = access.permitsToDecide(user, view);
            if (permits.isEmpty()) {
                throw new ForbiddenException(user.userId() + " may not read case " + caseNumber);
            }
            // a department: what the permit decision needs, not the citizen's contact data, messages or other tracks
            accessLog.record(caseNumber, view.contactPerson(), AccessKind.VIEW);
            model.addAttribute("initiative", view);
            model.addAttribute("permits", permits);
            model.addAttribute("departmentNames", permits.stream().map(PermitView::departmentGroup).distinct()
                    .collect(Collectors.toMap(group -> group, group -> departments.name(group, locale))));
            model.addAttribute("districtName",
                    catalog.districtNames(locale).getOrDefault(view.district(), view.district()));
            addTaskForms(caseNumber, user, locale, model);
            return "staff/permit-case";
        }
        // the citizen's messages shown here are read now (the inbox's "unread")
        reads.markRead(caseNumber, user);
        return fullPage(view, user, locale, model);
    }

    /** A new internal note from the note box: back to the page's notes, or the page again with the field error. */
    @PostMapping("/cases/{caseNumber}/notes")
    @AccessLogged(AccessKind.VIEW)
    String writeNote(@PathVariable String caseNumber, @RequestParam(name = "body", required = false) String body,
            Authentication authentication, Locale locale, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        model.addAttribute("inboxUrl", INBOX);
        try {
            notes.write(caseNumber, body, StaffUser.of(authentication));
        } catch (FieldProblemException e) {
            String message = texts.getMessage(e.messageKey(), null, locale);
            model.addAttribute("noteError", message);
            model.addAttribute("noteErrors", Map.of(e.field(), message));
            model.addAttribute("noteBody", body);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return fullPage(cases.view(caseNumber), StaffUser.of(authentication), locale, model);
        }
        redirect.addFlashAttribute("notice", "staffNotes.saved");
        return "redirect:/cases/" + caseNumber + "#notes";
    }

    /**
     * A task form from the page: completed through the task's own rules (those of its API endpoint), then 303
     * back to the inbox with a confirmation; refused fields show next to the fields (400, nothing stored). A task
     * someone else completed meanwhile answers the 409 page, not someone else's 403.
     */
    @PostMapping("/cases/{caseNumber}/tasks/{taskId}")
    @AccessLogged(AccessKind.VIEW)
    Object completeTask(@PathVariable String caseNumber, @PathVariable String taskId,
            @RequestParam MultiValueMap<String, String> fields, Authentication authentication, Locale locale,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        StaffUser user = StaffUser.of(authentication);
        String fra = fields.getFirst("fra");
        requireTaskOfCase(caseNumber, taskId, user);
        try {
            taskForms.completeFromPage(taskId, fields, user);
        } catch (TaskFormErrors e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("inboxUrl", inboxUrl(fra));
            model.addAttribute("refusedTaskId", taskId);
            model.addAttribute("postedFields", fields);
            model.addAttribute("fieldErrors", e.errors());
            return page(cases.view(caseNumber), user, locale, model);
        }
        redirect.addFlashAttribute("notice", "caseWork.taskDone");
        redirect.addFlashAttribute("noticeCase", caseNumber);
        return seeOther(inboxUrl(fra));
    }

    /** Takes a group's task: it is then the user's, and their colleagues see who has it. */
    @PostMapping("/cases/{caseNumber}/tasks/{taskId}/claim")
    @NotAccessLogged("takes a task and redirects; shows nothing")
    RedirectView claimTask(@PathVariable String caseNumber, @PathVariable String taskId,
            @RequestParam(name = "fra", required = false) String fra, Authentication authentication,
            RedirectAttributes redirect) {
        StaffUser user = StaffUser.of(authentication);
        requireTaskOfCase(caseNumber, taskId, user);
        tasks.claim(taskId, user);
        redirect.addFlashAttribute("caseNotice", "caseWork.claimed");
        return seeOther(caseUrl(caseNumber, fra) + "#task-" + taskId);
    }

    /** The reply to the citizen, under the API's rules (the contact person or an admin, an open case). */
    @PostMapping("/cases/{caseNumber}/messages")
    @AccessLogged(AccessKind.VIEW)
    Object reply(@PathVariable String caseNumber, @RequestParam(name = "body", required = false) String body,
            @RequestParam(name = "fra", required = false) String fra, Authentication authentication,
            Locale locale, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        StaffUser user = StaffUser.of(authentication);
        try {
            messages.reply(caseNumber, body, user);
        } catch (FieldProblemException e) {
            String message = texts.getMessage(e.messageKey(), null, locale);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("inboxUrl", inboxUrl(fra));
            model.addAttribute("replyError", message);
            model.addAttribute("replyErrors", Map.of("reply-body", message));
            model.addAttribute("replyBody", body);
            return page(cases.view(caseNumber), user, locale, model);
        }
        redirect.addFlashAttribute("caseNotice", "caseWork.replySent");
        return seeOther(caseUrl(caseNumber, fra) + "#messages");
    }

    /** Closing early: first a page that says what happens, then the post. */
    @GetMapping("/cases/{caseNumber}/close-early")
    @Transactional(readOnly = true)
    @NotAccessLogged("the confirmation shows the case number and title only, no citizen's contact data or text")
    String confirmCloseEarly(@PathVariable String caseNumber, @RequestParam(name = "fra", required = false) String fra,
            Authentication authentication, Model model) {
        CaseView view = cases.view(caseNumber);
        StaffUser user = StaffUser.of(authentication);
        if (!access.mayRead(user, view)) {
            throw new ForbiddenException(user.userId() + " may not read case " + caseNumber);
        }
        model.addAttribute("initiative", view);
        model.addAttribute("inboxUrl", inboxUrl(fra));
        model.addAttribute("waiting", earlyClosures.waitsForFollowUp(caseNumber));
        return "staff/close-early";
    }

    @PostMapping("/cases/{caseNumber}/close-early")
    @NotAccessLogged("closes the case and redirects; shows nothing (the closing is on the case's timeline)")
    RedirectView closeEarly(@PathVariable String caseNumber, @RequestParam(name = "fra", required = false) String fra,
            Authentication authentication, RedirectAttributes redirect) {
        earlyClosures.closeNow(caseNumber, StaffUser.of(authentication));
        redirect.addFlashAttribute("caseNotice", "caseWork.closingNow");
        return seeOther(caseUrl(caseNumber, fra) + "#tasks");
    }

    /** The manager moves the case to another contact person, with a reason; then back to the inbox. */
    @PostMapping("/cases/{caseNumber}/contact-person")
    @AccessLogged(AccessKind.VIEW)
    Object moveCase(@PathVariable String caseNumber,
            @RequestParam(name = "contactPerson", required = false) String contactPerson,
            @RequestParam(name = "reason", required = false) String reason,
            @RequestParam(name = "fra", required = false) String fra, Authentication authentication, Locale locale,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        StaffUser user = StaffUser.of(authentication);
        try {
            moves.moveOne(caseNumber, contactPerson, reason, user);
        } catch (FieldProblemException e) {
            String message = texts.getMessage(e.messageKey(), null, locale);
            String field = "reason".equals(e.field()) ? "move-reason" : "move-contactPerson";
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("inboxUrl", inboxUrl(fra));
            model.addAttribute("moveErrors", Map.of(field, message));
            model.addAttribute("moveContactPerson", contactPerson);
            model.addAttribute("moveReason", reason);
            return page(cases.view(caseNumber), user, locale, model);
        }
        redirect.addFlashAttribute("notice", "caseWork.moved");
        redirect.addFlashAttribute("noticeCase", caseNumber);
        return seeOther(inboxUrl(fra));
    }

    /** The page again (after a refused post), as the user may see it. */
    private String page(CaseView view, StaffUser user, Locale locale, Model model) {
        if (!access.mayRead(user, view)) {
            List<PermitView> permits = access.permitsToDecide(user, view);
            if (permits.isEmpty()) {
                throw new ForbiddenException(user.userId() + " may not read case " + view.caseNumber());
            }
            accessLog.record(view.caseNumber(), view.contactPerson(), AccessKind.VIEW);
            model.addAttribute("initiative", view);
            model.addAttribute("permits", permits);
            model.addAttribute("departmentNames", permits.stream().map(PermitView::departmentGroup).distinct()
                    .collect(Collectors.toMap(group -> group, group -> departments.name(group, locale))));
            model.addAttribute("districtName",
                    catalog.districtNames(locale).getOrDefault(view.district(), view.district()));
            addTaskForms(view.caseNumber(), user, locale, model);
            return "staff/permit-case";
        }
        return fullPage(view, user, locale, model);
    }

    /**
     * A task of another case is not this page's (404); whether the user may work it, and whether it is still open,
     * {@code StaffTasks} decides as for the API (403, 409).
     */
    private void requireTaskOfCase(String caseNumber, String taskId, StaffUser user) {
        if (!caseNumber.equals(tasks.caseOf(taskId))) {
            throw new NotFoundException(user.userId() + " posted task " + taskId + " on the page of " + caseNumber);
        }
    }

    private void addTaskForms(String caseNumber, StaffUser user, Locale locale, Model model) {
        @SuppressWarnings("unchecked")
        Map<String, List<String>> posted = (Map<String, List<String>>) model.getAttribute("postedFields");
        @SuppressWarnings("unchecked")
        Map<String, String> errors = (Map<String, String>) model.getAttribute("fieldErrors");
        model.addAttribute("taskForms", inlineForms.of(caseNumber, user, locale,
                (String) model.getAttribute("refusedTaskId"), posted == null ? Map.of() : posted,
                errors == null ? Map.of() : errors));
    }

    /** The inbox URL to go back to: {@code fra} when it is the inbox with its view state, else the inbox. */
    static String inboxUrl(String fra) {
        return fra != null && INBOX_URL.matcher(fra).matches() ? fra : INBOX;
    }

    private static String caseUrl(String caseNumber, String fra) {
        String inbox = inboxUrl(fra);
        return "/cases/" + caseNumber + (INBOX.equals(inbox) ? ""
                : "?fra=" + java.net.URLEncoder.encode(inbox, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static RedirectView seeOther(String url) {
        RedirectView view = new RedirectView(url, true);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        view.setExposeModelAttributes(false);
        return view;
    }

    /** The whole case, its personal data included: logged first (ADR 0028), so a failed record shows nothing. */
    private String fullPage(CaseView view, StaffUser user, Locale locale, Model model) {
        String caseNumber = view.caseNumber();
        accessLog.record(caseNumber, view.contactPerson(), AccessKind.VIEW);
        addTaskForms(caseNumber, user, locale, model);
        model.addAttribute("mayReply", messages.mayReply(caseNumber, user));
        model.addAttribute("mayCloseEarly", (user.userId().equals(view.contactPerson()) || user.isIn(Role.ADMIN.groupId()))
                && earlyClosures.waitsForFollowUp(caseNumber));
        boolean mayMove = view.closedAt() == null && moves.mayMove(user, view);
        model.addAttribute("mayMove", mayMove);
        if (mayMove) {
            model.addAttribute("moveCandidates", moves.candidates().stream()
                    .filter(candidate -> !candidate.userId().equals(view.contactPerson())).toList());
            model.addAttribute("mayMoveAll", view.contactPerson() != null
                    && moves.mayMoveAllOf(user, view.contactPerson()));
        }
        model.addAttribute("notes", notes.of(caseNumber));
        model.addAttribute("initiative", view);
        model.addAttribute("zone", deadlineProperties.zone());
        model.addAttribute("details", cases.submissionDetails(caseNumber));
        model.addAttribute("citizenContact", cases.citizenContact(caseNumber));
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
