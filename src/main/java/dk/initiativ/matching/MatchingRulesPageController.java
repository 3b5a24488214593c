package dk.initiativ.matching;

import java.util.List;
import java.util.Locale;

import dk.initiativ.admin.Admins;
import dk.initiativ.web.ConflictException;
import dk.initiativ.web.HtmlPage;
import dk.initiativ.web.NotAccessLogged;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's page of the matching rules ({@code /admin/regler}, issue 13, ADR 0041): the deployed decision table in
 * dmn-js's table editor (the DMN XML in a plain form field without JavaScript), an accessible summary table of its
 * rules, "try on the last cases" (a POST showing the cases whose team would change) and then "deploy as version
 * N+1" (a second POST). Plain forms with the CSRF token; a refused table comes back with every problem named.
 */
@Controller
@HtmlPage
@NotAccessLogged("matching rules: reference data; the dry run shows case numbers and team names, no citizen's data")
class MatchingRulesPageController {

    static final String PATH = "/admin/regler";

    private final MatchingRules rules;
    private final MessageSource texts;

    MatchingRulesPageController(MatchingRules rules, MessageSource texts) {
        this.rules = rules;
        this.texts = texts;
    }

    @GetMapping(PATH)
    String show(Authentication authentication, Locale locale, Model model) {
        Admins.require(authentication);
        MatchingRules.Current current = rules.current();
        return page(current, current.xml(), current.version(), List.of(), null, locale, model);
    }

    @PostMapping(PATH + "/proeve")
    String dryRun(@RequestParam(name = "xml", required = false) String xml,
            @RequestParam(name = "expectedVersion", required = false) Integer expectedVersion,
            Authentication authentication, Locale locale, Model model, HttpServletResponse response) {
        Admins.require(authentication);
        MatchingRules.Current current = rules.current();
        int basedOn = expectedVersion == null ? current.version() : expectedVersion;
        try {
            MatchingRules.DryRun dryRun = rules.dryRun(xml);
            return page(current, xml, basedOn, List.of(), dryRun, locale, model);
        } catch (MatchingRuleProblems problems) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(current, xml, basedOn, messages(problems, locale), null, locale, model);
        }
    }

    @PostMapping(PATH)
    String deploy(@RequestParam(name = "xml", required = false) String xml,
            @RequestParam(name = "expectedVersion", required = false) Integer expectedVersion,
            Authentication authentication, Locale locale, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        String who = Admins.require(authentication);
        MatchingRules.Current current = rules.current();
        int basedOn = expectedVersion == null ? current.version() : expectedVersion;
        try {
            MatchingRules.Deployed deployed = rules.deploy(xml, basedOn, who);
            redirect.addFlashAttribute("deployedVersion", deployed.version());
            return "redirect:" + PATH;
        } catch (MatchingRuleProblems problems) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(current, xml, basedOn, messages(problems, locale), null, locale, model);
        } catch (ConflictException conflict) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return page(current, xml, basedOn, List.of(texts.getMessage(conflict.messageKey(), null, locale)), null,
                    locale, model);
        }
    }

    private String page(MatchingRules.Current current, String xml, int basedOn, List<String> errors,
            MatchingRules.DryRun dryRun, Locale locale, Model model) {
        model.addAttribute("current", current);
        model.addAttribute("xml", xml == null ? "" : xml);
        model.addAttribute("basedOn", basedOn);
        model.addAttribute("errors", errors);
        model.addAttribute("dryRun", dryRun);
        model.addAttribute("rows", rules.rows(dryRun != null ? xml : current.xml(), locale));
        model.addAttribute("rowsOfChange", dryRun != null);
        return "admin/rules";
    }

    private List<String> messages(MatchingRuleProblems problems, Locale locale) {
        return problems.problems().stream()
                .map(p -> texts.getMessage(p.messageKey(), p.arguments(), p.messageKey(), locale))
                .toList();
    }
}
