package dk.initiativ.citizen;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dk.initiativ.initiative.CaseAnonymisedException;
import dk.initiativ.privacy.AccessLog;
import dk.initiativ.web.HtmlPage;
import dk.initiativ.web.NotAccessLogged;
import jakarta.validation.Valid;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.http.HttpStatus;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The citizen's private tracking page and its forms, reached only with the tracking token: answer
 * intake's question, write to the contact person, withdraw (with a confirmation page), download all
 * data as JSON, and the evaluation survey after closure. Every POST ends in a redirect (PRG); a form
 * with errors is shown again with the messages next to the fields. An unknown or malformed token gets
 * the friendly 404 page ({@link dk.initiativ.web.HtmlPage}).
 */
@Controller
@HtmlPage
@RequestMapping("/track/{token}")
@NotAccessLogged("the citizen's own door (tracking token), not staff's")
class TrackingPageController {

    private final CitizenCaseService citizens;
    private final CaseMessages messages;
    private final Surveys surveys;
    private final MessageSource texts;

    /** The newest staff lookups the page shows; the data download has them all. */
    static final int LOOKUPS_SHOWN = 20;

    TrackingPageController(CitizenCaseService citizens, CaseMessages messages, Surveys surveys,
            MessageSource texts) {
        this.citizens = citizens;
        this.messages = messages;
        this.surveys = surveys;
        this.texts = texts;
    }

    @GetMapping
    String page(@PathVariable String token, Model model) {
        return show(token, model);
    }

    @PostMapping("/answer")
    String answer(@PathVariable String token, @Valid @ModelAttribute("answerForm") AnswerRequest form,
            BindingResult result, Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        if (result.hasErrors()) {
            // a form shown again with field errors answers 400, like the public form
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("answerErrors", PageForms.errors(result, texts, locale));
            return show(token, model);
        }
        citizens.answer(token, form.answer());
        redirect.addFlashAttribute("notice", "portal.track.answered");
        return "redirect:/track/{token}";
    }

    @PostMapping("/messages")
    String message(@PathVariable String token, @Valid @ModelAttribute("messageForm") MessageInput form,
            BindingResult result, Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("messageErrors", PageForms.errors(result, texts, locale));
            return show(token, model);
        }
        messages.fromCitizen(token, form.body());
        redirect.addFlashAttribute("notice", "portal.track.messageSent");
        return "redirect:/track/{token}#messages";
    }

    @GetMapping("/withdraw")
    String confirmWithdrawal(@PathVariable String token, Model model) {
        TrackingPage page = citizens.trackingPage(token);
        if (!page.open()) {
            return "redirect:/track/{token}";
        }
        model.addAttribute("token", token);
        model.addAttribute("page", page);
        return "track/withdraw";
    }

    @PostMapping("/withdraw")
    String withdraw(@PathVariable String token, RedirectAttributes redirect) {
        if (citizens.trackingPage(token).open()) {
            citizens.withdraw(token);
            redirect.addFlashAttribute("notice", "portal.track.withdrawn");
        }
        return "redirect:/track/{token}";
    }

    /** Confirmation before the consent to the showcase is withdrawn; without a consent, back to the page. */
    @GetMapping("/consent")
    String confirmConsentWithdrawal(@PathVariable String token, Model model) {
        TrackingPage page = citizens.trackingPage(token);
        if (!citizens.publicationConsent(token)) {
            return "redirect:/track/{token}";
        }
        model.addAttribute("token", token);
        model.addAttribute("page", page);
        return "track/consent";
    }

    /** Withdraws the consent to the showcase: the case leaves it at once (ADR 0032). */
    @PostMapping("/consent")
    String withdrawConsent(@PathVariable String token, RedirectAttributes redirect) {
        if (citizens.withdrawPublicationConsent(token)) {
            redirect.addFlashAttribute("notice", "privacy.consent.withdrawn");
        }
        return "redirect:/track/{token}";
    }

    /**
     * Every door of an anonymised case's link (ADR 0032) answers the same friendly page: the case's data is gone.
     * 410 Gone: the link was right, what it led to is no more.
     */
    @ExceptionHandler(CaseAnonymisedException.class)
    String anonymised(HttpServletResponse response) {
        response.setStatus(HttpStatus.GONE.value());
        return "track/anonymised";
    }

    /** All data held about the case that concerns the citizen, as a JSON file to keep. */
    @GetMapping("/data.json")
    ResponseEntity<CaseDataExport> data(@PathVariable String token, Locale locale) {
        CaseDataExport export = citizens.export(token, locale);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("initiativ-" + export.caseNumber() + ".json").build().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .body(export);
    }

    @GetMapping("/survey")
    String survey(@PathVariable String token, Model model) {
        TrackingPage page = citizens.trackingPage(token);
        if (!page.surveyOffered() && page.survey() == null) {
            // still open, or ended without a collaboration to evaluate (withdrawn, redirected, ...)
            return "redirect:/track/{token}";
        }
        model.addAttribute("token", token);
        model.addAttribute("page", page);
        model.addAttribute("surveyErrors", Map.of());
        return "track/survey";
    }

    @PostMapping("/survey")
    String answerSurvey(@PathVariable String token, @Valid @ModelAttribute("surveyForm") SurveyInput form,
            BindingResult result, Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        TrackingPage page = citizens.trackingPage(token);
        if (!page.surveyOffered() && page.survey() == null) {
            // still open, or ended without a collaboration to evaluate (withdrawn, redirected, ...)
            return "redirect:/track/{token}";
        }
        if (page.survey() == null && result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("token", token);
            model.addAttribute("page", page);
            model.addAttribute("surveyErrors", PageForms.errors(result, texts, locale));
            return "track/survey";
        }
        if (page.survey() == null) {
            Surveys.Result saved = surveys.answer(token, Integer.parseInt(form.rating()), form.comment());
            redirect.addFlashAttribute("notice", saved == Surveys.Result.SAVED
                    ? "portal.survey.thanks" : "portal.survey.alreadyAnswered");
        } else {
            redirect.addFlashAttribute("notice", "portal.survey.alreadyAnswered");
        }
        return "redirect:/track/{token}/survey";
    }

    private String show(String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("page", citizens.trackingPage(token));
        model.addAttribute("publicationConsent", citizens.publicationConsent(token));
        List<AccessLog.Lookup> lookups = citizens.staffLookups(token, LocaleContextHolder.getLocale());
        model.addAttribute("lookups", lookups.subList(0, Math.min(LOOKUPS_SHOWN, lookups.size())));
        model.addAttribute("lookupCount", lookups.size());
        if (!model.containsAttribute("answerForm")) {
            model.addAttribute("answerForm", new AnswerRequest(null));
        }
        if (!model.containsAttribute("messageForm")) {
            model.addAttribute("messageForm", new MessageInput(null));
        }
        model.addAttribute("answerErrors", model.getAttribute("answerErrors") == null ? Map.of()
                : model.getAttribute("answerErrors"));
        model.addAttribute("messageErrors", model.getAttribute("messageErrors") == null ? Map.of()
                : model.getAttribute("messageErrors"));
        return "track/page";
    }
}
