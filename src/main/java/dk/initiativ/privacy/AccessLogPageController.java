package dk.initiativ.privacy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dk.initiativ.process.DeadlineProperties;
import dk.initiativ.web.AccessKind;
import dk.initiativ.web.AccessLogged;
import dk.initiativ.web.ForbiddenException;
import dk.initiativ.web.HtmlPage;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The admin's page of the access log, {@code GET /adgangslog}: search by case, staff member and period (a GET
 * form, so a search is a link), newest first, and the same search as CSV. Each search and each export is itself
 * logged (purpose: review of the log), with the case searched for when there is one (ADR 0028). Admins only
 * (the security rules and this controller both say so).
 */
@Controller
@HtmlPage
class AccessLogPageController {

    static final String PATH = "/adgangslog";
    static final int PAGE_SIZE = 50;
    private static final String CASE_NUMBER = "[A-Z]{2,5}-[0-9]{4}-[0-9]{1,10}";

    private final AccessLogSearch search;
    private final AccessLog log;
    private final MessageSource texts;
    private final ZoneId zone;
    private final AccessLogProperties properties;

    AccessLogPageController(AccessLogSearch search, AccessLog log, MessageSource texts, DeadlineProperties deadlines,
            AccessLogProperties properties) {
        this.properties = properties;
        this.search = search;
        this.log = log;
        this.texts = texts;
        this.zone = deadlines.zone();
    }

    /** The search form's values as typed, and what they mean when they are valid. */
    record Form(String sag, String medarbejder, String fra, String til) {
    }

    @GetMapping(PATH)
    @Transactional
    @AccessLogged(AccessKind.SEARCH)
    String page(@RequestParam(name = "sag", required = false) String sag,
            @RequestParam(name = "medarbejder", required = false) String medarbejder,
            @RequestParam(name = "fra", required = false) String fra,
            @RequestParam(name = "til", required = false) String til,
            @RequestParam(name = "side", required = false) String side,
            Authentication authentication, Locale locale, Model model, HttpServletResponse response) {
        requireAdmin(authentication);
        Form form = new Form(blankToNull(sag), blankToNull(medarbejder), blankToNull(fra), blankToNull(til));
        Map<String, String> errors = new LinkedHashMap<>();
        AccessLogSearch.Criteria criteria = criteria(form, errors, locale);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("retentionMonths", properties.retention().toTotalMonths());
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "admin/access-log";
        }
        int page = side != null && side.matches("[0-9]{1,6}") ? Math.max(1, Integer.parseInt(side)) : 1;
        long total = search.count(criteria, zone);
        List<AccessLogSearch.Entry> entries = search.find(criteria, zone, (page - 1) * PAGE_SIZE, PAGE_SIZE);
        log.logReviewed(criteria.caseNumber(), AccessKind.SEARCH, criteria.describe());
        model.addAttribute("entries", entries.stream().map(entry -> new Row(entry,
                log.kindText(entry.kind(), locale), log.purposeText(entry.purpose(), locale))).toList());
        model.addAttribute("total", total);
        model.addAttribute("page", page);
        model.addAttribute("previousUrl", page > 1 ? url(PATH, form, page - 1) : null);
        model.addAttribute("nextUrl", (long) page * PAGE_SIZE < total ? url(PATH, form, page + 1) : null);
        model.addAttribute("csvUrl", url(PATH + ".csv", form, 1));
        model.addAttribute("retentionMonths", properties.retention().toTotalMonths());
        return "admin/access-log";
    }

    /** A record on the page: the entry with its kind and purpose in the reader's language. */
    record Row(AccessLogSearch.Entry entry, String kindText, String purposeText) {
    }

    /** The same search as CSV (UTF-8 with BOM, semicolons as a Danish spreadsheet expects), newest first. */
    @GetMapping(PATH + ".csv")
    @Transactional
    @AccessLogged(AccessKind.EXPORT)
    ResponseEntity<byte[]> csv(@RequestParam(name = "sag", required = false) String sag,
            @RequestParam(name = "medarbejder", required = false) String medarbejder,
            @RequestParam(name = "fra", required = false) String fra,
            @RequestParam(name = "til", required = false) String til,
            Authentication authentication, Locale locale) {
        requireAdmin(authentication);
        Map<String, String> errors = new LinkedHashMap<>();
        AccessLogSearch.Criteria criteria = criteria(new Form(blankToNull(sag), blankToNull(medarbejder),
                blankToNull(fra), blankToNull(til)), errors, locale);
        if (!errors.isEmpty()) {
            return ResponseEntity.badRequest().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                    .body(String.join("\n", errors.values()).getBytes(StandardCharsets.UTF_8));
        }
        List<AccessLogSearch.Entry> entries = search.find(criteria, zone, 0, AccessLogSearch.EXPORT_LIMIT);
        log.logReviewed(criteria.caseNumber(), AccessKind.EXPORT, criteria.describe());
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append(String.join(";", List.of(text("admin.accessLog.when", locale), text("admin.accessLog.who", locale),
                text("admin.accessLog.case", locale), text("admin.accessLog.kind", locale),
                text("admin.accessLog.purpose", locale), text("admin.accessLog.detail", locale)))).append("\r\n");
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        for (AccessLogSearch.Entry entry : entries) {
            csv.append(String.join(";", List.of(time.format(entry.at().atZone(zone)), cell(entry.userId()),
                    cell(entry.caseNumber()), cell(log.kindText(entry.kind(), locale)),
                    cell(log.purposeText(entry.purpose(), locale)), cell(entry.detail())))).append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("adgangslog.csv").build().toString())
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private AccessLogSearch.Criteria criteria(Form form, Map<String, String> errors, Locale locale) {
        String caseNumber = form.sag() == null ? null : form.sag().toUpperCase(Locale.ROOT);
        if (caseNumber != null && !caseNumber.matches(CASE_NUMBER)) {
            errors.put("sag", text("admin.accessLog.error.case", locale));
        }
        if (form.medarbejder() != null && form.medarbejder().length() > 100) {
            errors.put("medarbejder", text("admin.accessLog.error.staff", locale));
        }
        LocalDate from = date(form.fra(), "fra", errors, locale);
        LocalDate to = date(form.til(), "til", errors, locale);
        if (from != null && to != null && to.isBefore(from)) {
            errors.put("til", text("admin.accessLog.error.order", locale));
        }
        return new AccessLogSearch.Criteria(caseNumber, form.medarbejder(), from, to);
    }

    private LocalDate date(String value, String field, Map<String, String> errors, Locale locale) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.put(field, text("admin.accessLog.error.date", locale));
            return null;
        }
    }

    private static void requireAdmin(Authentication authentication) {
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(authority -> "ROLE_admin".equals(authority.getAuthority()));
        if (!admin) {
            throw new ForbiddenException(authentication.getName() + " may not read the access log");
        }
    }

    /** The page (or its CSV) with the filter and page number as a link; each value percent-encoded whole. */
    static String url(String path, Form form, int page) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
        Map<String, String> values = new LinkedHashMap<>();
        param(url, values, "sag", form.sag());
        param(url, values, "medarbejder", form.medarbejder());
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

    /** A CSV cell: quoted when it holds a separator, a quote or a line break; a formula's first sign defused. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.matches("(?s).*[;\"\\r\\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    private String text(String key, Locale locale) {
        return texts.getMessage(key, null, locale);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
