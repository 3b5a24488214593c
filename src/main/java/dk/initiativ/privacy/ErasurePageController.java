package dk.initiativ.privacy;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dk.initiativ.initiative.CaseView;
import dk.initiativ.initiative.Cases;
import dk.initiativ.web.AccessKind;
import dk.initiativ.web.AccessLogged;
import dk.initiativ.web.FieldProblemException;
import dk.initiativ.web.ForbiddenException;
import dk.initiativ.web.HtmlPage;
import dk.initiativ.web.NotAccessLogged;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's erasure page, {@code /sletning} (ADR 0032): find the case by its number (the page shows its stage
 * and whether it is open or anonymised, never the citizen's data), give a reason, confirm, erase. Admins only (the
 * security rules and this controller both say so); the post carries the session's CSRF token.
 */
@Controller
@HtmlPage
class ErasurePageController {

    static final String PATH = "/sletning";
    private static final String CASE_NUMBER = "[A-Z]{2,5}-[0-9]{4}-[0-9]{1,10}";

    private final CaseErasure erasure;
    private final Cases cases;
    private final MessageSource texts;

    ErasurePageController(CaseErasure erasure, Cases cases, MessageSource texts) {
        this.erasure = erasure;
        this.cases = cases;
        this.texts = texts;
    }

    /** The case as this page shows it: number, stage and state (erased already), no personal data. */
    record Found(String caseNumber, boolean open, boolean erased) {
    }

    @GetMapping(PATH)
    @Transactional(readOnly = true)
    @NotAccessLogged("shows a case's number and stage only, no citizen's data")
    String page(@RequestParam(name = "sag", required = false) String sag, Authentication authentication,
            Locale locale, Model model, HttpServletResponse response) {
        requireAdmin(authentication);
        Map<String, String> errors = new LinkedHashMap<>();
        String caseNumber = sag == null || sag.isBlank() ? null : sag.strip().toUpperCase(Locale.ROOT);
        if (caseNumber != null) {
            find(caseNumber, errors, locale, model);
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return show(model, caseNumber, null, errors);
    }

    @PostMapping(PATH)
    @AccessLogged(AccessKind.CHANGE)
    String erase(@RequestParam(name = "sag", required = false) String sag,
            @RequestParam(name = "begrundelse", required = false) String begrundelse,
            @RequestParam(name = "bekraeft", required = false) String bekraeft,
            Authentication authentication, Locale locale, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        requireAdmin(authentication);
        String caseNumber = sag == null ? "" : sag.strip().toUpperCase(Locale.ROOT);
        Map<String, String> errors = new LinkedHashMap<>();
        Found found = find(caseNumber, errors, locale, model);
        String reasonProblem = CaseErasure.reasonProblem(begrundelse);
        if (found != null && reasonProblem != null) {
            errors.put("begrundelse", text(reasonProblem, locale));
        }
        if (found != null && !"true".equals(bekraeft)) {
            errors.put("bekraeft", text("privacy.erasure.error.confirm", locale));
        }
        if (found != null && errors.isEmpty()) {
            try {
                erasure.erase(caseNumber, begrundelse);
                redirect.addFlashAttribute("notice", "privacy.erasure.erased");
                return "redirect:" + PATH + "?sag=" + caseNumber;
            } catch (FieldProblemException problem) {
                errors.put("begrundelse", text(problem.messageKey(), locale));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return show(model, caseNumber, begrundelse, errors);
    }

    private Found find(String caseNumber, Map<String, String> errors, Locale locale, Model model) {
        if (!caseNumber.matches(CASE_NUMBER)) {
            errors.put("sag", text("privacy.erasure.error.case", locale));
            return null;
        }
        if (!cases.exists(caseNumber)) {
            errors.put("sag", text("privacy.erasure.error.unknown", locale));
            return null;
        }
        CaseView view = cases.view(caseNumber);
        Found found = new Found(caseNumber, view.closedAt() == null, erasure.of(caseNumber).isPresent());
        model.addAttribute("found", found);
        model.addAttribute("anonymised", cases.isAnonymised(caseNumber));
        model.addAttribute("stageText", text("stage." + view.stage().name(), locale)
                + (view.outcome() == null ? "" : ": " + text("outcome." + view.outcome().name(), locale)));
        model.addAttribute("erased", erasure.of(caseNumber).orElse(null));
        return found;
    }

    private String show(Model model, String caseNumber, String begrundelse, Map<String, String> errors) {
        model.addAttribute("sag", caseNumber);
        model.addAttribute("begrundelse", begrundelse);
        model.addAttribute("errors", errors);
        model.addAttribute("reasonMax", CaseErasure.REASON_MAX);
        return "admin/erasure";
    }

    static void requireAdmin(Authentication authentication) {
        boolean admin = authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> "ROLE_admin".equals(authority.getAuthority()));
        if (!admin) {
            throw new ForbiddenException((authentication == null ? "anonymous" : authentication.getName())
                    + " may not erase cases");
        }
    }

    private String text(String key, Locale locale) {
        return texts.getMessage(key, null, locale);
    }
}
