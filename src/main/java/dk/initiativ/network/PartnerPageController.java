package dk.initiativ.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dk.initiativ.admin.Admins;
import dk.initiativ.admin.ChangeTables;
import dk.initiativ.admin.ReferenceKinds;
import dk.initiativ.catalog.CatalogEntry;
import dk.initiativ.catalog.CatalogService;
import dk.initiativ.privacy.AccessLog;
import dk.initiativ.web.AccessKind;
import dk.initiativ.web.AccessLogged;
import dk.initiativ.web.FieldProblemException;
import dk.initiativ.web.HtmlPage;
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
 * The admin's pages of the network registry (issue 13, ADR 0039): the list with a filter by kind
 * ({@code /admin/netvaerk?type=VOLUNTEER}), a new partner ({@code /admin/netvaerk/ny}), one partner
 * ({@code /admin/netvaerk/{id}}: its description, contact data, topics and districts, and its recorded changes)
 * and its retirement ({@code POST /admin/netvaerk/{id}/fjern}). The list shows no contact data; the page of one
 * volunteer does, and its reading is access-logged. A refused form comes back with the message next to the field
 * and nothing stored.
 */
@Controller
@HtmlPage
@NotAccessLogged("partner organisations; a volunteer's contact data is shown only by the logged page of one partner")
class PartnerPageController {

    static final String PATH = "/admin/netvaerk";

    private final PartnerRegistry registry;
    private final PartnerAdmin admin;
    private final CatalogService catalog;
    private final ChangeTables changes;
    private final AccessLog accessLog;
    private final PageForms forms;

    PartnerPageController(PartnerRegistry registry, PartnerAdmin admin, CatalogService catalog,
            ChangeTables changes, AccessLog accessLog, PageForms forms) {
        this.registry = registry;
        this.admin = admin;
        this.catalog = catalog;
        this.changes = changes;
        this.accessLog = accessLog;
        this.forms = forms;
    }

    /** The partner form's fields as typed. */
    record Form(String name, String kind, String description, String contactPerson, String contactEmail,
            String contactPhone, String address, String capacity, List<String> topics, List<String> districts,
            String version) {

        static Form of(PartnerView partner) {
            return new Form(partner.name(), partner.kind().name(), partner.description(), blank(partner.contactPerson()),
                    blank(partner.contactEmail()), blank(partner.contactPhone()), blank(partner.address()),
                    partner.capacity() == null ? "" : String.valueOf(partner.capacity()), partner.topicCodes(),
                    partner.districtCodes(), String.valueOf(partner.version()));
        }

        static Form empty(PartnerKind kind) {
            return new Form("", kind == null ? "" : kind.name(), "", "", "", "", "", "", List.of(), List.of(), "");
        }
    }

    /** A row of the list: the partner and the names of what it serves, in the reader's language. */
    record Row(PartnerView partner, String kindText, String topicsText, String districtsText) {
    }

    @GetMapping(PATH)
    String list(@RequestParam(name = "type", required = false) String type, Authentication authentication,
            Locale locale, Model model) {
        Admins.require(authentication);
        PartnerKind kind = kind(type);
        Map<String, String> topicNames = catalog.topicNames(locale);
        Map<String, String> districtNames = catalog.districtNames(locale);
        model.addAttribute("type", kind == null ? "" : kind.name());
        model.addAttribute("kinds", kinds(locale));
        model.addAttribute("rows", registry.all(kind).stream().map(PartnerView::withoutPersonalData)
                .map(partner -> new Row(partner, kindText(partner.kind(), locale),
                        names(partner.topicCodes(), topicNames, text("admin.network.allTopics", locale)),
                        names(partner.districtCodes(), districtNames, text("admin.network.allDistricts", locale))))
                .toList());
        return "admin/network";
    }

    @GetMapping(PATH + "/ny")
    String newPartner(@RequestParam(name = "type", required = false) String type, Authentication authentication,
            Locale locale, Model model) {
        Admins.require(authentication);
        return newPage(Form.empty(kind(type)), Map.of(), locale, model);
    }

    @PostMapping(PATH + "/ny")
    String create(@RequestParam(name = "kind", required = false) String kind,
            @RequestParam(name = "name", required = false) String name,
            @RequestParam(name = "description", required = false) String description,
            @RequestParam(name = "contactPerson", required = false) String contactPerson,
            @RequestParam(name = "contactEmail", required = false) String contactEmail,
            @RequestParam(name = "contactPhone", required = false) String contactPhone,
            @RequestParam(name = "address", required = false) String address,
            @RequestParam(name = "capacity", required = false) String capacity,
            @RequestParam(name = "topics", required = false) List<String> topics,
            @RequestParam(name = "districts", required = false) List<String> districts,
            Authentication authentication, Locale locale, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        String who = Admins.require(authentication);
        Form form = new Form(name, kind, description, contactPerson, contactEmail, contactPhone, address, capacity,
                list(topics), list(districts), "");
        PageForms.Outcome<PartnerView> outcome = forms.attempt(() -> {
            PartnerKind chosen = kind(kind);
            if (chosen == null) {
                throw new FieldProblemException("kind", "admin.network.error.kind");
            }
            return admin.create(new PartnerAdmin.PartnerForm(name, chosen, description, contactPerson,
                    contactEmail, contactPhone, address, capacity(capacity, chosen), form.topics(), form.districts(),
                    null), who);
        }, field -> field, null, locale, response);
        if (outcome.done()) {
            redirect.addFlashAttribute("notice", "admin.network.created");
            return "redirect:" + PATH + "/" + outcome.result().id();
        }
        return newPage(form, outcome.errors(), locale, model);
    }

    @GetMapping(PATH + "/{id}")
    @AccessLogged(AccessKind.VIEW)
    String partner(@PathVariable("id") long id, Authentication authentication, Locale locale, Model model) {
        Admins.require(authentication);
        PartnerView partner = find(id);
        if (partner.personal()) {
            // a volunteer's contact data is a person's: its reading is logged before it leaves (ADR 0028, 0039)
            accessLog.volunteerViewed(id);
        }
        return page(partner, Form.of(partner), Map.of(), locale, model);
    }

    @PostMapping(PATH + "/{id}")
    String update(@PathVariable("id") long id, @RequestParam(name = "name", required = false) String name,
            @RequestParam(name = "description", required = false) String description,
            @RequestParam(name = "contactPerson", required = false) String contactPerson,
            @RequestParam(name = "contactEmail", required = false) String contactEmail,
            @RequestParam(name = "contactPhone", required = false) String contactPhone,
            @RequestParam(name = "address", required = false) String address,
            @RequestParam(name = "capacity", required = false) String capacity,
            @RequestParam(name = "topics", required = false) List<String> topics,
            @RequestParam(name = "districts", required = false) List<String> districts,
            @RequestParam(name = "version", required = false) String version,
            Authentication authentication, Locale locale, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        String who = Admins.require(authentication);
        PartnerView partner = find(id);
        Form form = new Form(name, partner.kind().name(), description, contactPerson, contactEmail, contactPhone,
                address, capacity, list(topics), list(districts), version);
        PageForms.Outcome<?> outcome = forms.attempt(() -> admin.update(id, new PartnerAdmin.PartnerForm(name,
                partner.kind(), description, contactPerson, contactEmail, contactPhone, address,
                capacity(capacity, partner.kind()), form.topics(), form.districts(),
                version == null || !version.matches("[0-9]{1,18}") ? null : Long.valueOf(version)), who),
                field -> field, "name", locale, response);
        if (outcome.done()) {
            redirect.addFlashAttribute("notice", "admin.network.saved");
            return "redirect:" + PATH + "/" + id;
        }
        // the form shows back what the admin typed, with the version they read
        return page(partner, form, outcome.errors(), locale, model);
    }

    @PostMapping(PATH + "/{id}/fjern")
    String retire(@PathVariable("id") long id, Authentication authentication, RedirectAttributes redirect) {
        String who = Admins.require(authentication);
        boolean deleted = admin.retire(id, who).isEmpty();
        redirect.addFlashAttribute("notice", deleted ? "admin.network.deleted" : "admin.network.retired");
        return "redirect:" + PATH + (deleted ? "" : "/" + id);
    }

    private String newPage(Form form, Map<String, String> errors, Locale locale, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", kinds(locale));
        model.addAttribute("topics", catalog.activeTopics(locale));
        model.addAttribute("districts", catalog.activeDistricts(locale));
        return "admin/network-new";
    }

    private String page(PartnerView partner, Form form, Map<String, String> errors, Locale locale, Model model) {
        model.addAttribute("partner", partner);
        model.addAttribute("kindText", kindText(partner.kind(), locale));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("topics", withCurrent(catalog.activeTopics(locale), partner.topicCodes(),
                catalog.topicNames(locale)));
        model.addAttribute("districts", withCurrent(catalog.activeDistricts(locale), partner.districtCodes(),
                catalog.districtNames(locale)));
        model.addAttribute("history", changes.history(ReferenceKinds.PARTNER, String.valueOf(partner.id()), locale));
        return "admin/network-partner";
    }

    /** The active entries, and after them those the partner serves that are no longer active. */
    private static List<CatalogEntry> withCurrent(List<CatalogEntry> active, List<String> current,
            Map<String, String> names) {
        List<CatalogEntry> entries = new ArrayList<>(active);
        current.stream().filter(code -> active.stream().noneMatch(entry -> entry.code().equals(code)))
                .forEach(code -> entries.add(new CatalogEntry(code, names.getOrDefault(code, code))));
        return entries;
    }

    private List<Map.Entry<String, String>> kinds(Locale locale) {
        return java.util.Arrays.stream(PartnerKind.values()).map(kind -> Map.entry(kind.name(), kindText(kind, locale)))
                .toList();
    }

    private String kindText(PartnerKind kind, Locale locale) {
        return text("admin.network.kind." + kind.name(), locale);
    }

    private static String names(List<String> codes, Map<String, String> names, String none) {
        return codes.isEmpty() ? none : String.join(", ", codes.stream().map(code -> names.getOrDefault(code, code))
                .toList());
    }

    private static PartnerKind kind(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return PartnerKind.valueOf(typed.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A capacity as typed (premises only; empty: not told). */
    private static Integer capacity(String typed, PartnerKind kind) {
        if (kind != PartnerKind.PREMISES || typed == null || typed.isBlank()) {
            return null;
        }
        String text = typed.strip().replace(".", "").replace(" ", "");
        if (!text.matches("[0-9]{1,6}")) {
            throw new FieldProblemException("capacity", "admin.network.error.capacity");
        }
        return Integer.valueOf(text);
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values;
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }

    private PartnerView find(long id) {
        return registry.find(id).orElseThrow(() -> new NotFoundException("No partner " + id));
    }

    private String text(String key, Locale locale) {
        return forms.text(key, locale);
    }
}
