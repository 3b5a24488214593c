package dk.initiativ.submission;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dk.initiativ.attachment.AttachmentRejectedException;
import dk.initiativ.attachment.Attachments;
import dk.initiativ.attachment.CheckedFile;
import dk.initiativ.catalog.CatalogService;
import dk.initiativ.identity.Role;
import dk.initiativ.initiative.AgeBand;
import dk.initiativ.initiative.HelpKind;
import dk.initiativ.initiative.SubmitInitiativeRequest;
import dk.initiativ.initiative.Submitter;
import dk.initiativ.process.DeadlineProperties;
import dk.initiativ.web.FieldProblemException;
import dk.initiativ.web.NotAccessLogged;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The public form at {@code /} (server-rendered, works without JavaScript) and its receipt. A post goes
 * through: a form key already used (show that case's receipt), the honeypot, the field checks, the
 * attachments, the rate limit, and only then the case; errors show the form again as typed, with the
 * messages next to the fields and a summary on top.
 */
@Controller
@NotAccessLogged("the public form and its receipt for the citizen who sent it")
class SubmissionFormController {

    private static final Logger log = LoggerFactory.getLogger(SubmissionFormController.class);

    private final FormSubmissions submissions;
    private final CatalogService catalog;
    private final Attachments attachments;
    private final SubmissionRateLimiter rateLimiter;
    private final FormChecks checks;
    private final MessageSource messages;
    private final DeadlineProperties deadlines;

    SubmissionFormController(FormSubmissions submissions, CatalogService catalog, Attachments attachments,
            SubmissionRateLimiter rateLimiter, FormChecks checks, MessageSource messages,
            DeadlineProperties deadlines) {
        this.submissions = submissions;
        this.catalog = catalog;
        this.attachments = attachments;
        this.rateLimiter = rateLimiter;
        this.checks = checks;
        this.messages = messages;
        this.deadlines = deadlines;
    }

    @InitBinder("form")
    void allowOnlyTheFormsFields(WebDataBinder binder) {
        binder.setAllowedFields("title", "description", "topic", "district", "helpWanted", "estimatedBudget",
                "expectedTimeline", "applicantKind", "groupName", "contactName", "contactEmail", "contactPhone",
                "consent", "publicationConsent", "profileAgeBand", "profileDistrict", "submissionKey", "website");
    }

    @GetMapping("/")
    String form(Model model, Locale locale, HttpSession session) {
        SubmissionForm form = new SubmissionForm();
        form.setSubmissionKey(FormKeys.issueNew(session));
        return page(model, form, Map.of(), locale);
    }

    @PostMapping("/")
    Object submit(@ModelAttribute("form") SubmissionForm form, BindingResult binding,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> files,
            HttpServletRequest request, HttpServletResponse response, HttpSession session,
            Authentication authentication, Model model, Locale locale) {
        String key = FormKeys.postedOrNew(session, form.getSubmissionKey());
        form.setSubmissionKey(key);
        var earlier = submissions.earlier(key);
        if (earlier.isPresent()) {
            return toReceipt(session, earlier.get());
        }
        boolean filesChosen = files != null && files.stream().anyMatch(f -> f != null && !f.isEmpty());
        if (form.honeypotFilled()) {
            log.info("Submission refused: the honeypot field was filled in");
            rateLimiter.tryConsume(request);
            form.setWebsite(null);
            model.addAttribute("notice", "form.honeypot.refused");
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, form, Map.of(), locale, filesChosen);
        }
        Map<String, String> errors = checks.check(form, locale);
        List<CheckedFile> checked = List.of();
        try {
            checked = attachments.check(files);
        } catch (AttachmentRejectedException rejected) {
            errors.put("attachments", messages.getMessage(rejected.messageKey(), rejected.arguments(), locale));
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, form, errors, locale, filesChosen);
        }
        SubmissionRateLimiter.Decision decision = rateLimiter.tryConsume(request);
        if (!decision.allowed()) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(decision.retryAfterSeconds()));
            model.addAttribute("rateLimited", true);
            model.addAttribute("retryMinutes", Math.max(1, (decision.retryAfterSeconds() + 59) / 60));
            model.addAttribute("retryAt", ZonedDateTime.now(deadlines.zone()).plus(decision.retryAfter())
                    .plus(Duration.ofMinutes(1)).format(DateTimeFormatter.ofPattern("HH:mm")));
            return page(model, form, Map.of(), locale, filesChosen);
        }
        SubmitInitiativeRequest submission = form.toRequest();
        try {
            FormReceipt receipt = submissions.submit(submission, locale, new Submitter(citizen(authentication), key),
                    checked);
            return toReceipt(session, receipt);
        } catch (FieldProblemException problem) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, form, Map.of(problem.field(), messages.getMessage(problem.messageKey(), null, locale)),
                    locale, filesChosen);
        }
    }

    @GetMapping("/receipt")
    Object receipt(HttpSession session, Model model, Locale locale) {
        Object stored = session.getAttribute(FormReceipt.SESSION_ATTRIBUTE);
        if (!(stored instanceof FormReceipt receipt)) {
            return seeOther("/");
        }
        model.addAttribute("receipt", receipt);
        model.addAttribute("trackingUrl", ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/track/{token}").buildAndExpand(receipt.trackingToken()).toUriString());
        model.addAttribute("screeningBy", receipt.screeningBy()
                .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)));
        model.addAttribute("submittedAt", receipt.submittedAt().atZone(deadlines.zone())
                .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)));
        model.addAttribute("screeningDays", deadlines.intakeScreening());
        model.addAttribute("firstContactDays", deadlines.firstContact());
        return "receipt";
    }

    private View toReceipt(HttpSession session, FormReceipt receipt) {
        session.setAttribute(FormReceipt.SESSION_ATTRIBUTE, receipt);
        return seeOther("/receipt");
    }

    private static View seeOther(String path) {
        RedirectView redirect = new RedirectView(path, true);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        redirect.setExposeModelAttributes(false);
        return redirect;
    }

    private String page(Model model, SubmissionForm form, Map<String, String> errors, Locale locale) {
        return page(model, form, errors, locale, false);
    }

    private String page(Model model, SubmissionForm form, Map<String, String> errors, Locale locale,
            boolean filesToChooseAgain) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("filesToChooseAgain", filesToChooseAgain);
        model.addAttribute("topics", catalog.activeTopics(locale));
        model.addAttribute("districts", catalog.activeDistricts(locale));
        model.addAttribute("helpKinds", HelpKind.values());
        model.addAttribute("ageBands", AgeBand.values());
        model.addAttribute("limits", attachments.limits());
        model.addAttribute("acceptedTypes", "image/jpeg,image/png,application/pdf,.jpg,.jpeg,.png,.pdf");
        return "home";
    }

    private static String citizen(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return null;
        }
        String role = "ROLE_" + Role.CITIZEN.groupId();
        return authentication.getAuthorities().stream().anyMatch(a -> role.equals(a.getAuthority()))
                ? authentication.getName() : null;
    }
}
