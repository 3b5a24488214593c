package dk.initiativ.submission;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dk.initiativ.initiative.Cases;
import dk.initiativ.web.HtmlPage;
import dk.initiativ.web.NotAccessLogged;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The short way to the tracking page for a citizen with the printed receipt (ADR 0023): at {@code /kode} they type
 * the case number and the receipt's short code, and land on their tracking page. Every attempt, right or wrong, takes
 * one from the client's bucket (the submissions' limit and its settings, with buckets of its own), so the 60-bit code
 * cannot be guessed; a wrong pair gets one message that does not say which half was wrong.
 */
@Controller
@NotAccessLogged("the citizen's own door: a case number and its code lead to the tracking page; no staff reads anything here")
@HtmlPage
class TrackingCodeController {

    private final Cases cases;
    private final MessageSource messages;
    private final SubmissionRateLimiter attempts;
    private final TransactionTemplate readOnly;

    TrackingCodeController(Cases cases, MessageSource messages, RateLimitProperties limits,
            MariaDbBucketStore buckets, PlatformTransactionManager transactions) {
        this.cases = cases;
        this.messages = messages;
        // buckets of their own: looking up a code does not use up the submissions of the same address
        this.attempts = new SubmissionRateLimiter(limits, buckets, RateLimitBuckets.TRACKING_CODES);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @GetMapping("/kode")
    String form(Model model) {
        return page(model, "", "", Map.of());
    }

    @PostMapping("/kode")
    Object open(@RequestParam(name = "caseNumber", required = false) String caseNumber,
            @RequestParam(name = "code", required = false) String code, HttpServletRequest request,
            HttpServletResponse response, Model model, Locale locale) {
        String typedNumber = caseNumber == null ? "" : caseNumber.strip();
        String typedCode = code == null ? "" : code.strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (typedNumber.isEmpty()) {
            errors.put("caseNumber", message("trackingCode.caseNumber.required", locale));
        }
        if (typedCode.isEmpty()) {
            errors.put("code", message("trackingCode.code.required", locale));
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, typedNumber, typedCode, errors);
        }
        SubmissionRateLimiter.Decision decision = attempts.tryConsume(request);
        if (!decision.allowed()) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(decision.retryAfterSeconds()));
            model.addAttribute("retryMinutes", Math.max(1, (decision.retryAfterSeconds() + 59) / 60));
            return page(model, typedNumber, typedCode, Map.of());
        }
        Optional<String> token = readOnly.execute(status -> cases.trackingTokenOfCode(caseNumberOf(typedNumber),
                typedCode));
        if (token == null || token.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, typedNumber, typedCode, Map.of("code", message("trackingCode.noMatch", locale)));
        }
        RedirectView redirect = new RedirectView("/track/" + token.get(), true);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        redirect.setExposeModelAttributes(false);
        return redirect;
    }

    /** The case number as typed, upper case and without spaces; "2026-00012" is read as "INI-2026-00012". */
    static String caseNumberOf(String typed) {
        String number = typed.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        return number.matches("\\d{4}-\\d+") ? "INI-" + number : number;
    }

    private String page(Model model, String caseNumber, String code, Map<String, String> errors) {
        model.addAttribute("caseNumber", caseNumber);
        model.addAttribute("code", code);
        model.addAttribute("errors", errors);
        return "submission/code";
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
