package dk.initiativ.submission;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dk.initiativ.attachment.AttachmentRejectedException;
import dk.initiativ.attachment.Attachments;
import dk.initiativ.attachment.CheckedFile;
import dk.initiativ.casework.CaseAccess;
import dk.initiativ.casework.StaffUser;
import dk.initiativ.catalog.CatalogService;
import dk.initiativ.initiative.AgeBand;
import dk.initiativ.initiative.CaseNotFoundException;
import dk.initiativ.initiative.CaseView;
import dk.initiativ.initiative.Cases;
import dk.initiativ.initiative.Channel;
import dk.initiativ.initiative.CitizenContact;
import dk.initiativ.initiative.HelpKind;
import dk.initiativ.initiative.Registration;
import dk.initiativ.initiative.SubmissionService;
import dk.initiativ.initiative.Submitter;
import dk.initiativ.privacy.AccessLog;
import dk.initiativ.web.AccessKind;
import dk.initiativ.web.AccessLogged;
import dk.initiativ.web.FieldProblemException;
import dk.initiativ.web.ForbiddenException;
import dk.initiativ.web.HtmlPage;
import dk.initiativ.web.NotAccessLogged;
import dk.initiativ.web.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Any employee registers an initiative for a citizen met in person, by phone, by letter, by e-mail or at a
 * meeting (issue 15): {@code GET/POST /registrer}, the public form's fields and checks ({@link FormChecks}) and its
 * one-time form key ({@link FormKeys}), plus the channel, the citizen's language, and a postal address for a
 * citizen without e-mail. After the post (303) the employee gets the receipt page with the printed receipt
 * ({@code /registrer/{caseNumber}/kvittering.pdf}), which they hand over or post; the case then runs like any other.
 * The public form's rate limit and honeypot are for anonymous posts, not for logged-in staff.
 */
@Controller
@HtmlPage
class StaffRegistrationController {


    private final FormSubmissions submissions;
    private final FormChecks checks;
    private final CatalogService catalog;
    private final Attachments attachments;
    private final MessageSource messages;
    private final Cases cases;
    private final CaseAccess access;
    private final ReceiptPdf receipts;
    private final TransactionTemplate readOnly;
    private final AccessLog accessLog;

    StaffRegistrationController(FormSubmissions submissions, FormChecks checks, CatalogService catalog,
            Attachments attachments, MessageSource messages, Cases cases, CaseAccess access, ReceiptPdf receipts,
            PlatformTransactionManager transactions, AccessLog accessLog) {
        this.accessLog = accessLog;
        this.submissions = submissions;
        this.checks = checks;
        this.catalog = catalog;
        this.attachments = attachments;
        this.messages = messages;
        this.cases = cases;
        this.access = access;
        this.receipts = receipts;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @InitBinder("form")
    void allowOnlyTheFormsFields(WebDataBinder binder) {
        binder.setAllowedFields("channel", "citizenLanguage", "title", "description", "topic", "district", "helpWanted",
                "estimatedBudget", "expectedTimeline", "applicantKind", "groupName", "contactName", "contactEmail",
                "contactPhone", "contactAddress", "consent", "publicationConsent", "profileAgeBand", "profileDistrict",
                "submissionKey");
    }

    @GetMapping("/registrer")
    @NotAccessLogged("an empty form")
    String form(Model model, Locale locale, HttpSession session) {
        StaffRegistrationForm form = new StaffRegistrationForm();
        form.setSubmissionKey(FormKeys.issueNew(session));
        return page(model, form, Map.of(), locale, false);
    }

    @PostMapping("/registrer")
    @NotAccessLogged("the employee types what the citizen tells them; a refused form shows their own typing again, "
            + "and the registration and its employee are on the case's timeline")
    Object register(@ModelAttribute("form") StaffRegistrationForm form,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> files,
            HttpServletResponse response, HttpSession session, Authentication authentication, Model model,
            Locale locale) {
        String key = FormKeys.postedOrNew(session, form.getSubmissionKey());
        form.setSubmissionKey(key);
        var earlier = submissions.earlier(key);
        if (earlier.isPresent()) {
            return toReceipt(earlier.get().caseNumber());
        }
        boolean filesChosen = files != null && files.stream().anyMatch(f -> f != null && !f.isEmpty());
        Map<String, String> errors = new HashMap<>(checks.check(form, locale, false, StaffRegistrationForm.FIELDS));
        if (form.channelChosen() == null) {
            errors.put("channel", message("walkin.channel.required", locale));
        }
        if (!form.languageKnown()) {
            errors.put("citizenLanguage", message("walkin.citizenLanguage.invalid", locale));
        }
        if (form.address() != null && form.address().length() > SubmissionService.ADDRESS_MAX) {
            errors.put("contactAddress", message("walkin.contactAddress.size", locale));
        }
        if (SubmissionForm.blank(form.getContactEmail()) && SubmissionForm.blank(form.getContactPhone())
                && form.address() == null) {
            errors.putIfAbsent("contactEmail", message("walkin.contact.required", locale));
        }
        if (errors.containsKey("consent")) {
            // the employee confirms the citizen's agreement: staff's words, not the citizen's own consent text
            errors.put("consent", message("walkin.confirmation.required", locale));
        }
        List<CheckedFile> checked = List.of();
        try {
            checked = attachments.check(files);
        } catch (AttachmentRejectedException rejected) {
            errors.put("attachments", messages.getMessage(rejected.messageKey(), rejected.arguments(), locale));
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, form, FormChecks.ordered(errors, StaffRegistrationForm.FIELDS), locale, filesChosen);
        }
        Registration registration = new Registration(form.channelChosen(), authentication.getName(), form.address());
        try {
            FormReceipt receipt = submissions.submit(form.toRequest(), Locale.forLanguageTag(form.language()),
                    new Submitter(null, key), registration, checked);
            return toReceipt(receipt.caseNumber());
        } catch (FieldProblemException problem) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, form, Map.of(problem.field(), messages.getMessage(problem.messageKey(), null, locale)),
                    locale, filesChosen);
        }
    }

    /** The page after registering: the case number and the printed receipt to hand over or post. */
    @GetMapping("/registrer/{caseNumber}/kvittering")
    @AccessLogged(AccessKind.VIEW)
    String registered(@PathVariable String caseNumber, Authentication authentication, Model model) {
        StaffUser user = StaffUser.of(authentication);
        Printable printable = printable(caseNumber, user);
        logged(printable, user, AccessKind.VIEW);
        model.addAttribute("caseNumber", caseNumber);
        model.addAttribute("title", printable.view().title());
        model.addAttribute("contact", printable.contact());
        model.addAttribute("mayOpenCase", printable.mayReadCase());
        return "submission/registered";
    }

    /** The printed receipt as a download; it carries the citizen's private link, so it is never cached. */
    @GetMapping("/registrer/{caseNumber}/kvittering.pdf")
    @AccessLogged(AccessKind.DOWNLOAD)
    ResponseEntity<byte[]> receiptPdf(@PathVariable String caseNumber, Authentication authentication) {
        StaffUser user = StaffUser.of(authentication);
        Printable printable = printable(caseNumber, user);
        byte[] pdf = receipts.render(caseNumber);
        logged(printable, user, AccessKind.DOWNLOAD);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("kvittering-" + caseNumber + ".pdf").build().toString())
                .body(pdf);
    }

    /** The receipt carries the citizen's name and contact data: its registering employee prints it for the registration. */
    private void logged(Printable printable, StaffUser user, AccessKind kind) {
        String caseNumber = printable.view().caseNumber();
        if (user.userId().equals(printable.contact().registeredBy())) {
            accessLog.registrationReceipt(caseNumber, kind);
        } else {
            accessLog.record(caseNumber, printable.view().contactPerson(), kind);
        }
    }

    private record Printable(CaseView view, CitizenContact contact, boolean mayReadCase) {
    }

    /**
     * A receipt is printed for a case staff registered, while it is open, by the employee who registered it or
     * anyone who may read the case: the receipt carries the citizen's private link.
     */
    private Printable printable(String caseNumber, StaffUser user) {
        Printable printable = readOnly.execute(status -> {
            try {
                CaseView view = cases.view(caseNumber);
                return new Printable(view, cases.citizenContact(caseNumber), access.mayRead(user, view));
            } catch (CaseNotFoundException unknown) {
                return null;
            }
        });
        if (printable == null || !printable.contact().registeredByStaff() || !printable.contact().open()) {
            throw new NotFoundException("No printable receipt for case " + caseNumber);
        }
        if (!printable.mayReadCase() && !user.userId().equals(printable.contact().registeredBy())) {
            throw new ForbiddenException(user.userId() + " may not print the receipt of case " + caseNumber);
        }
        return printable;
    }

    private View toReceipt(String caseNumber) {
        RedirectView redirect = new RedirectView("/registrer/" + caseNumber + "/kvittering", true);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        redirect.setExposeModelAttributes(false);
        return redirect;
    }

    private String page(Model model, StaffRegistrationForm form, Map<String, String> errors, Locale locale,
            boolean filesToChooseAgain) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("filesToChooseAgain", filesToChooseAgain);
        model.addAttribute("channels", Channel.ASSISTED);
        model.addAttribute("topics", catalog.activeTopics(locale));
        model.addAttribute("districts", catalog.activeDistricts(locale));
        model.addAttribute("helpKinds", HelpKind.values());
        model.addAttribute("ageBands", AgeBand.values());
        model.addAttribute("limits", attachments.limits());
        model.addAttribute("acceptedTypes", "image/jpeg,image/png,application/pdf,.jpg,.jpeg,.png,.pdf");
        return "submission/register";
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
