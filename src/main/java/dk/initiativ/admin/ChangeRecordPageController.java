package dk.initiativ.admin;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dk.initiativ.process.DeadlineProperties;
import dk.initiativ.web.HtmlPage;
import dk.initiativ.web.NotAccessLogged;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The admin's start page ({@code GET /admin}: the parts of the administration) and the change record of reference
 * data ({@code GET /admin/aendringer}): filter by kind and period (a GET form, so a filter is a link), newest first,
 * 50 to a page, each change as a small table of the fields that changed, labelled and named in the reader's
 * language (ADR 0038).
 */
@Controller
@HtmlPage
@NotAccessLogged("reference data (pools, staff profiles) and its change record: no citizen's data")
class ChangeRecordPageController {

    static final String PATH = "/admin/aendringer";

    private final ReferenceChanges changes;
    private final ChangeTables tables;
    private final MessageSource texts;
    private final ZoneId zone;

    ChangeRecordPageController(ReferenceChanges changes, ChangeTables tables, MessageSource texts,
            DeadlineProperties deadlines) {
        this.changes = changes;
        this.tables = tables;
        this.texts = texts;
        this.zone = deadlines.zone();
    }

    @GetMapping("/admin")
    String home(Authentication authentication) {
        Admins.require(authentication);
        return "admin/home";
    }

    /** The filter as typed. */
    record Form(String type, String fra, String til) {
    }

    @GetMapping(PATH)
    String page(@RequestParam(name = "type", required = false) String type,
            @RequestParam(name = "fra", required = false) String fra,
            @RequestParam(name = "til", required = false) String til,
            @RequestParam(name = "side", required = false) String side,
            Authentication authentication, Locale locale, Model model, HttpServletResponse response) {
        Admins.require(authentication);
        Form form = new Form(blankToNull(type), blankToNull(fra), blankToNull(til));
        Map<String, String> errors = new LinkedHashMap<>();
        ReferenceChanges.Criteria criteria = criteria(form, errors, locale);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", ReferenceKinds.ALL.stream()
                .map(kind -> Map.entry(kind, text("admin.ref.kind." + kind, locale))).toList());
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "admin/changes";
        }
        int page = side != null && side.matches("[0-9]{1,6}") ? Math.max(1, Integer.parseInt(side)) : 1;
        long total = changes.count(criteria, zone);
        List<ReferenceChanges.Change> found = changes.find(criteria, zone, (page - 1) * ReferenceChanges.PAGE_SIZE,
                ReferenceChanges.PAGE_SIZE);
        model.addAttribute("rows", found.stream().map(change -> tables.entry(change, locale)).toList());
        model.addAttribute("total", total);
        model.addAttribute("page", page);
        model.addAttribute("previousUrl", page > 1 ? url(form, page - 1) : null);
        model.addAttribute("nextUrl", (long) page * ReferenceChanges.PAGE_SIZE < total ? url(form, page + 1) : null);
        return "admin/changes";
    }

    /** The criteria of a filter, or field errors (in the reader's language) for what cannot be read. */
    ReferenceChanges.Criteria criteria(Form form, Map<String, String> errors, Locale locale) {
        if (form.type() != null && !ReferenceKinds.ALL.contains(form.type())) {
            errors.put("type", text("admin.ref.changes.error.kind", locale));
        }
        LocalDate from = date(form.fra(), "fra", errors, locale);
        LocalDate to = date(form.til(), "til", errors, locale);
        if (from != null && to != null && to.isBefore(from)) {
            errors.put("til", text("admin.ref.changes.error.order", locale));
        }
        return new ReferenceChanges.Criteria(form.type(), null, from, to);
    }

    private LocalDate date(String value, String field, Map<String, String> errors, Locale locale) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.put(field, text("admin.ref.changes.error.date", locale));
            return null;
        }
    }

    /** The page with the filter and page number as a link; each value percent-encoded whole. */
    static String url(Form form, int page) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(PATH);
        Map<String, String> values = new LinkedHashMap<>();
        param(url, values, "type", form.type());
        param(url, values, "fra", form.fra());
        param(url, values, "til", form.til());
        param(url, values, "side", page == 1 ? null : String.valueOf(page));
        return url.encode().buildAndExpand(values).toUriString();
    }

    private static void param(UriComponentsBuilder url, Map<String, String> values, String name, String value) {
        if (value != null) {
            url.queryParam(name, "{" + name + "}");
            values.put(name, value);
        }
    }

    private String text(String key, Locale locale) {
        return texts.getMessage(key, null, key, locale);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
