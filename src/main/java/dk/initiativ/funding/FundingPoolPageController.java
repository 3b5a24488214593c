package dk.initiativ.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import dk.initiativ.admin.Admins;
import dk.initiativ.admin.ChangeTables;
import dk.initiativ.admin.ReferenceKinds;
import dk.initiativ.web.FieldProblemException;
import dk.initiativ.web.HtmlPage;
import dk.initiativ.web.IsoDates;
import dk.initiativ.web.NotAccessLogged;
import dk.initiativ.web.NotFoundException;
import dk.initiativ.web.PageForms;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's pages of the funding pools (issue 13): the list ({@code /admin/puljer}), a new pool
 * ({@code /admin/puljer/ny}) and one pool ({@code /admin/puljer/{id}}: its description, its budget with a reason,
 * and its recorded changes). Plain forms with the CSRF token; a refused form comes back with the message next to
 * the field and nothing stored.
 */
@Controller
@HtmlPage
@NotAccessLogged("funding pools and their budgets: no citizen's data")
class FundingPoolPageController {

    static final String PATH = "/admin/puljer";

    private final FundingPools pools;
    private final FundingPoolAdmin admin;
    private final ChangeTables changes;
    private final PageForms forms;

    FundingPoolPageController(FundingPools pools, FundingPoolAdmin admin, ChangeTables changes,
            PageForms forms) {
        this.pools = pools;
        this.admin = admin;
        this.changes = changes;
        this.forms = forms;
    }

    /** The pool form's fields as typed. */
    record Form(String name, String criteria, String totalBudget, String applicationDeadline, String fundOfficerGroup,
            boolean open) {

        static Form of(FundingPoolView pool) {
            return new Form(pool.name(), pool.criteria(), plain(pool.totalBudget()),
                    pool.applicationDeadline() == null ? "" : pool.applicationDeadline().toString(),
                    pool.fundOfficerGroup(), pool.open());
        }
    }

    /** The budget form's fields as typed; {@code from} is the budget the admin saw. */
    record BudgetForm(String from, String totalBudget, String reason) {
    }

    @GetMapping(PATH)
    String list(Authentication authentication, Model model) {
        Admins.require(authentication);
        model.addAttribute("pools", pools.list());
        return "admin/pools";
    }

    @GetMapping(PATH + "/ny")
    String newPool(Authentication authentication, Model model) {
        Admins.require(authentication);
        model.addAttribute("form", new Form("", "", "", "", "fund-officer", true));
        model.addAttribute("errors", Map.of());
        return "admin/pool-new";
    }

    @PostMapping(PATH + "/ny")
    String create(@RequestParam(name = "name", required = false) String name,
            @RequestParam(name = "criteria", required = false) String criteria,
            @RequestParam(name = "totalBudget", required = false) String totalBudget,
            @RequestParam(name = "applicationDeadline", required = false) String applicationDeadline,
            @RequestParam(name = "fundOfficerGroup", required = false) String fundOfficerGroup,
            @RequestParam(name = "open", required = false) String open,
            Authentication authentication, Locale locale, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        String who = Admins.require(authentication);
        Form form = new Form(name, criteria, totalBudget, applicationDeadline, fundOfficerGroup, open != null);
        PageForms.Outcome<FundingPoolView> outcome = forms.attempt(() -> {
            BigDecimal budget = amount(totalBudget, "totalBudget", locale);
            LocalDate deadline = date(applicationDeadline);
            return admin.create(new FundingPoolAdmin.PoolForm(name, criteria, budget, deadline, fundOfficerGroup,
                    open != null), who);
        }, field -> field, null, locale, response);
        if (outcome.done()) {
            redirect.addFlashAttribute("notice", "admin.ref.pool.created");
            return "redirect:" + PATH + "/" + outcome.result().id();
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", outcome.errors());
        return "admin/pool-new";
    }

    @GetMapping(PATH + "/{id}")
    String pool(@PathVariable("id") long id, Authentication authentication, Locale locale, Model model) {
        Admins.require(authentication);
        FundingPoolView pool = find(id);
        return page(pool, Form.of(pool), new BudgetForm(plain(pool.totalBudget()), "", ""), Map.of(), locale, model);
    }

    @PostMapping(PATH + "/{id}")
    String update(@PathVariable("id") long id, @RequestParam(name = "name", required = false) String name,
            @RequestParam(name = "criteria", required = false) String criteria,
            @RequestParam(name = "applicationDeadline", required = false) String applicationDeadline,
            @RequestParam(name = "fundOfficerGroup", required = false) String fundOfficerGroup,
            @RequestParam(name = "open", required = false) String open,
            Authentication authentication, Locale locale, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        String who = Admins.require(authentication);
        FundingPoolView pool = find(id);
        Form form = new Form(name, criteria, plain(pool.totalBudget()), applicationDeadline, fundOfficerGroup,
                open != null);
        PageForms.Outcome<?> outcome = forms.attempt(() -> admin.update(id, new FundingPoolAdmin.PoolForm(name,
                criteria, null, date(applicationDeadline), fundOfficerGroup, open != null), who), field -> field,
                null, locale, response);
        if (outcome.done()) {
            redirect.addFlashAttribute("notice", "admin.ref.pool.saved");
            return "redirect:" + PATH + "/" + id;
        }
        return page(pool, form, new BudgetForm(plain(pool.totalBudget()), "", ""), outcome.errors(), locale, model);
    }

    @PostMapping(PATH + "/{id}/budget")
    String budget(@PathVariable("id") long id, @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "totalBudget", required = false) String totalBudget,
            @RequestParam(name = "reason", required = false) String reason,
            Authentication authentication, Locale locale, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        String who = Admins.require(authentication);
        PageForms.Outcome<?> outcome = forms.attempt(() -> admin.changeBudget(id, amount(from, "from", Locale.ROOT),
                amount(totalBudget, "newBudget", locale), reason, who),
                field -> "reason".equals(field) ? "reason" : "newBudget", "newBudget", locale, response);
        if (outcome.done()) {
            redirect.addFlashAttribute("notice", "admin.ref.pool.budgetChanged");
            return "redirect:" + PATH + "/" + id;
        }
        FundingPoolView pool = find(id);
        // after a conflict the form starts from the budget as it is now
        return page(pool, Form.of(pool), new BudgetForm(plain(pool.totalBudget()), totalBudget, reason),
                outcome.errors(), locale, model);
    }

    private String page(FundingPoolView pool, Form form, BudgetForm budget, Map<String, String> errors, Locale locale,
            Model model) {
        model.addAttribute("pool", pool);
        model.addAttribute("form", form);
        model.addAttribute("budget", budget);
        model.addAttribute("errors", errors);
        model.addAttribute("history", changes.history(ReferenceKinds.FUNDING_POOL, String.valueOf(pool.id()),
                locale));
        return "admin/pool";
    }

    private FundingPoolView find(long id) {
        return pools.find(id).orElseThrow(() -> new NotFoundException("No pool " + id));
    }

    /**
     * An amount as the reader types it: in Danish {@code 250.000} or {@code 12.500,50}, in English {@code 250,000}
     * or {@code 12500.50}; plain digits with a point for decimals are read in both.
     */
    static BigDecimal amount(String typed, String field, Locale locale) {
        if (typed == null || typed.isBlank()) {
            throw new FieldProblemException(field, "admin.ref.pool.error.budget");
        }
        String text = typed.strip().replace(" ", "").replace("\u00a0", "").replaceFirst("(?i)\\s*kr\\.?$", "");
        if ("en".equals(locale.getLanguage())) {
            text = text.replace(",", "");
        } else if (text.contains(",")) {
            text = text.replace(".", "").replace(',', '.');
        } else if (text.matches("[0-9]{1,3}(\\.[0-9]{3})+")) {
            text = text.replace(".", "");
        }
        if (!text.matches("[0-9]{1,10}(\\.[0-9]{1,2})?")) {
            throw new FieldProblemException(field, "admin.ref.pool.error.budget");
        }
        return new BigDecimal(text);
    }

    private static LocalDate date(String typed) {
        return IsoDates.parse(typed, "applicationDeadline", "admin.ref.pool.error.deadline");
    }

    /** An amount as the form shows it back: no trailing zero decimals, no grouping. */
    static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().scale() <= 0 ? amount.setScale(0).toPlainString()
                : amount.setScale(2).toPlainString();
    }

    private String text(String key, Locale locale) {
        return forms.text(key, locale);
    }
}
