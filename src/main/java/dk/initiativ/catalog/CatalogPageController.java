package dk.initiativ.catalog;

import java.util.Locale;
import java.util.Map;

import dk.initiativ.admin.Admins;
import dk.initiativ.admin.ChangeTables;
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
 * The admin's pages of the topics ({@code /admin/emner}) and districts ({@code /admin/omraader}) (issue 13): the list
 * with retired ones marked, a new entry ({@code .../ny}) and one entry ({@code .../{code}}: its names in Danish and
 * English, retire or take back into use, its recorded changes). Plain forms with the CSRF token; a refused form comes
 * back with the message next to the field and nothing stored.
 */
@Controller
@HtmlPage
@NotAccessLogged("topics and districts: reference data, no citizen's data")
class CatalogPageController {

    private static final String KIND = "/admin/{kind:emner|omraader}";

    private final CatalogAdmin admin;
    private final ChangeTables changes;
    private final PageForms forms;
    private final CatalogProperties properties;

    CatalogPageController(CatalogAdmin admin, ChangeTables changes, PageForms forms,
            CatalogProperties properties) {
        this.admin = admin;
        this.changes = changes;
        this.forms = forms;
        this.properties = properties;
    }

    /** The form's fields as typed. */
    record Form(String code, String nameDa, String nameEn, String version) {

        static Form ofEntry(CatalogAdmin.AdminEntry entry) {
            return new Form(entry.code(), entry.nameDa(), entry.nameEn(), String.valueOf(entry.version()));
        }
    }

    @GetMapping(KIND)
    String list(@PathVariable("kind") String path, Authentication authentication, Model model) {
        Admins.require(authentication);
        CatalogAdmin.Kind kind = kind(path);
        common(kind, model);
        model.addAttribute("entries", admin.list(kind));
        return "admin/catalog-list";
    }

    @GetMapping(KIND + "/ny")
    String newEntry(@PathVariable("kind") String path, Authentication authentication, Model model) {
        Admins.require(authentication);
        common(kind(path), model);
        model.addAttribute("form", new Form("", "", "", ""));
        model.addAttribute("errors", Map.of());
        return "admin/catalog-new";
    }

    @PostMapping(KIND + "/ny")
    String create(@PathVariable("kind") String path, @RequestParam(name = "code", required = false) String code,
            @RequestParam(name = "nameDa", required = false) String nameDa,
            @RequestParam(name = "nameEn", required = false) String nameEn,
            Authentication authentication, Locale locale, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        String who = Admins.require(authentication);
        CatalogAdmin.Kind kind = kind(path);
        PageForms.Outcome<CatalogAdmin.AdminEntry> outcome = forms.attempt(
                () -> admin.create(kind, new CatalogAdmin.NewEntry(code, nameDa, nameEn), who), field -> field, null,
                locale, response);
        if (outcome.done()) {
            redirect.addFlashAttribute("notice", "admin.topics.created");
            return "redirect:/admin/" + kind.path + "/" + outcome.result().code();
        }
        common(kind, model);
        model.addAttribute("form", new Form(code, nameDa, nameEn, ""));
        model.addAttribute("errors", outcome.errors());
        return "admin/catalog-new";
    }

    @GetMapping(KIND + "/{code}")
    String entry(@PathVariable("kind") String path, @PathVariable("code") String code,
            Authentication authentication, Locale locale, Model model) {
        Admins.require(authentication);
        CatalogAdmin.Kind kind = kind(path);
        CatalogAdmin.AdminEntry entry = find(kind, code);
        return page(kind, entry, Form.ofEntry(entry), Map.of(), locale, model);
    }

    @PostMapping(KIND + "/{code}")
    String rename(@PathVariable("kind") String path, @PathVariable("code") String code,
            @RequestParam(name = "nameDa", required = false) String nameDa,
            @RequestParam(name = "nameEn", required = false) String nameEn,
            @RequestParam(name = "version", required = false) String version,
            Authentication authentication, Locale locale, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        String who = Admins.require(authentication);
        CatalogAdmin.Kind kind = kind(path);
        find(kind, code);
        PageForms.Outcome<?> outcome = forms.attempt(
                () -> admin.rename(kind, code, nameDa, nameEn, version(version), who), field -> field, "nameDa",
                locale, response);
        if (outcome.done()) {
            redirect.addFlashAttribute("notice", "admin.topics.saved");
            return "redirect:/admin/" + kind.path + "/" + code;
        }
        CatalogAdmin.AdminEntry entry = find(kind, code);
        // after a conflict the form carries the version as it is now, with the names as typed
        return page(kind, entry, new Form(code, nameDa, nameEn, String.valueOf(entry.version())),
                outcome.errors(), locale, model);
    }

    @PostMapping(KIND + "/{code}/aktiv")
    String activity(@PathVariable("kind") String path, @PathVariable("code") String code,
            @RequestParam(name = "active", required = false) String active,
            @RequestParam(name = "version", required = false) String version,
            Authentication authentication, Locale locale, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        String who = Admins.require(authentication);
        CatalogAdmin.Kind kind = kind(path);
        find(kind, code);
        boolean on = "true".equals(active);
        PageForms.Outcome<?> outcome = forms.attempt(() -> admin.setActive(kind, code, on, version(version), who),
                field -> "active", "active", locale, response);
        if (outcome.done()) {
            redirect.addFlashAttribute("notice", on ? "admin.topics.restored" : "admin.topics.retired");
            return "redirect:/admin/" + kind.path + "/" + code;
        }
        CatalogAdmin.AdminEntry entry = find(kind, code);
        return page(kind, entry, Form.ofEntry(entry), outcome.errors(), locale, model);
    }

    private String page(CatalogAdmin.Kind kind, CatalogAdmin.AdminEntry entry, Form form, Map<String, String> errors,
            Locale locale, Model model) {
        common(kind, model);
        model.addAttribute("entry", entry);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("history", changes.history(kind.recordKind, entry.code(), locale));
        return "admin/catalog-entry";
    }

    private void common(CatalogAdmin.Kind kind, Model model) {
        model.addAttribute("kind", kind.path);
        model.addAttribute("keys", kind.keys);
        model.addAttribute("otherKind", kind == CatalogAdmin.Kind.TOPIC ? CatalogAdmin.Kind.DISTRICT.path
                : CatalogAdmin.Kind.TOPIC.path);
        model.addAttribute("otherKeys", kind == CatalogAdmin.Kind.TOPIC ? CatalogAdmin.Kind.DISTRICT.keys
                : CatalogAdmin.Kind.TOPIC.keys);
        model.addAttribute("cacheSeconds", properties.cacheFor().toSeconds());
    }

    private CatalogAdmin.AdminEntry find(CatalogAdmin.Kind kind, String code) {
        return admin.find(kind, code).orElseThrow(() -> new NotFoundException("No " + kind.recordKind + " " + code));
    }

    private static CatalogAdmin.Kind kind(String path) {
        return CatalogAdmin.Kind.byPath(path).orElseThrow(() -> new NotFoundException("No catalogue " + path));
    }

    private static Long version(String typed) {
        return typed != null && typed.strip().matches("[0-9]{1,18}") ? Long.valueOf(typed.strip()) : null;
    }

    private String text(String key, Locale locale) {
        return forms.text(key, locale);
    }
}
