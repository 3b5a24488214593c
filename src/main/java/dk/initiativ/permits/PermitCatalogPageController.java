package dk.initiativ.permits;

import java.util.Locale;
import java.util.Map;

import dk.initiativ.admin.Admins;
import dk.initiativ.admin.ChangeTables;
import dk.initiativ.admin.ReferenceKinds;
import dk.initiativ.web.FieldProblemException;
import dk.initiativ.web.HtmlPage;
import dk.initiativ.web.NotAccessLogged;
import dk.initiativ.web.NotFoundException;
import dk.initiativ.web.PageForms;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's pages of departments and permit types (issue 13, ADR 0040): the overview with a form for a new
 * department and a new type ({@code /admin/tilladelser}), and one page to change each
 * ({@code /admin/tilladelser/afdelinger/{id}}, {@code /admin/tilladelser/typer/{id}}). Plain forms with the CSRF
 * token; a refused form comes back with the message next to the field and nothing stored.
 */
@Controller
@HtmlPage
@NotAccessLogged("departments and permit types: no citizen's data")
class PermitCatalogPageController {

    static final String PATH = "/admin/tilladelser";

    private final Departments departments;
    private final PermitTypes types;
    private final PermitCatalogAdmin admin;
    private final PageForms forms;
    private final ChangeTables changes;

    PermitCatalogPageController(Departments departments, PermitTypes types, PermitCatalogAdmin admin,
            PageForms forms, ChangeTables changes) {
        this.departments = departments;
        this.types = types;
        this.admin = admin;
        this.forms = forms;
        this.changes = changes;
    }

    /** The department form's fields as typed. */
    record DepartmentFields(String group, String nameDa, String nameEn, boolean active, String version) {
    }

    /** The permit type form's fields as typed. */
    record TypeFields(String nameDa, String nameEn, String departmentGroup, String decisionDays, boolean active,
            String version) {
    }

    @GetMapping(PATH)
    String overview(Authentication authentication, Model model) {
        Admins.require(authentication);
        return overview(new DepartmentFields("", "", "", true, null), new TypeFields("", "", "", "10", true, null),
                Map.of(), model);
    }

    @PostMapping(PATH + "/afdelinger")
    String createDepartment(@RequestParam(name = "group", required = false) String group,
            @RequestParam(name = "nameDa", required = false) String nameDa,
            @RequestParam(name = "nameEn", required = false) String nameEn,
            Authentication authentication, Locale locale, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        String who = Admins.require(authentication);
        PageForms.Outcome<?> outcome = forms.attempt(() -> admin.createDepartment(
                new PermitCatalogAdmin.DepartmentForm(group, nameDa, nameEn, true, null), who),
                field -> "dep-" + field, null, locale, response);
        if (outcome.done()) {
            redirect.addFlashAttribute("notice", "admin.permits.departmentCreated");
            return "redirect:" + PATH;
        }
        return overview(new DepartmentFields(group, nameDa, nameEn, true, null),
                new TypeFields("", "", "", "10", true, null), outcome.errors(), model);
    }

    @PostMapping(PATH + "/typer")
    String createType(@RequestParam(name = "nameDa", required = false) String nameDa,
            @RequestParam(name = "nameEn", required = false) String nameEn,
            @RequestParam(name = "departmentGroup", required = false) String departmentGroup,
            @RequestParam(name = "decisionDays", required = false) String decisionDays,
            Authentication authentication, Locale locale, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        String who = Admins.require(authentication);
        PageForms.Outcome<?> outcome = forms.attempt(() -> admin.createPermitType(
                new PermitCatalogAdmin.PermitTypeForm(nameDa, nameEn, departmentGroup, days(decisionDays), true, null),
                who), field -> "type-" + field, null, locale, response);
        if (outcome.done()) {
            redirect.addFlashAttribute("notice", "admin.permits.typeCreated");
            return "redirect:" + PATH;
        }
        return overview(new DepartmentFields("", "", "", true, null),
                new TypeFields(nameDa, nameEn, departmentGroup, decisionDays, true, null), outcome.errors(), model);
    }

    @GetMapping(PATH + "/afdelinger/{id}")
    String department(@PathVariable("id") long id, Authentication authentication, Model model) {
        Admins.require(authentication);
        Departments.Department department = findDepartment(id);
        return departmentPage(department, new DepartmentFields(department.group(), department.nameDa(),
                department.nameEn(), department.active(), String.valueOf(department.version())), Map.of(), model);
    }

    @PostMapping(PATH + "/afdelinger/{id}")
    String updateDepartment(@PathVariable("id") long id,
            @RequestParam(name = "nameDa", required = false) String nameDa,
            @RequestParam(name = "nameEn", required = false) String nameEn,
            @RequestParam(name = "active", required = false) String active,
            @RequestParam(name = "version", required = false) String version,
            Authentication authentication, Locale locale, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        String who = Admins.require(authentication);
        Departments.Department department = findDepartment(id);
        Long read = version(version);
        PageForms.Outcome<?> outcome = forms.attempt(() -> admin.updateDepartment(id,
                new PermitCatalogAdmin.DepartmentForm(null, nameDa, nameEn, active != null, read), who),
                field -> "dep-" + field, "dep-nameDa", locale, response);
        if (outcome.done()) {
            redirect.addFlashAttribute("notice", "admin.permits.saved");
            return "redirect:" + PATH;
        }
        if (outcome.conflict()) {
            department = findDepartment(id);
            version = String.valueOf(department.version());
        }
        return departmentPage(department, new DepartmentFields(department.group(), nameDa, nameEn, active != null,
                version), outcome.errors(), model);
    }

    @GetMapping(PATH + "/typer/{id}")
    String type(@PathVariable("id") long id, Authentication authentication, Model model) {
        Admins.require(authentication);
        PermitTypes.PermitType type = findType(id);
        return typePage(type, new TypeFields(type.nameDa(), type.nameEn(), type.departmentGroup(),
                String.valueOf(type.decisionDays()), type.active(), String.valueOf(type.version())), Map.of(), model);
    }

    @PostMapping(PATH + "/typer/{id}")
    String updateType(@PathVariable("id") long id, @RequestParam(name = "nameDa", required = false) String nameDa,
            @RequestParam(name = "nameEn", required = false) String nameEn,
            @RequestParam(name = "departmentGroup", required = false) String departmentGroup,
            @RequestParam(name = "decisionDays", required = false) String decisionDays,
            @RequestParam(name = "active", required = false) String active,
            @RequestParam(name = "version", required = false) String version,
            Authentication authentication, Locale locale, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        String who = Admins.require(authentication);
        PermitTypes.PermitType type = findType(id);
        Long read = version(version);
        PageForms.Outcome<?> outcome = forms.attempt(() -> admin.updatePermitType(id,
                new PermitCatalogAdmin.PermitTypeForm(nameDa, nameEn, departmentGroup, days(decisionDays),
                        active != null, read), who), field -> "type-" + field, "type-nameDa", locale, response);
        if (outcome.done()) {
            redirect.addFlashAttribute("notice", "admin.permits.saved");
            return "redirect:" + PATH;
        }
        if (outcome.conflict()) {
            type = findType(id);
            version = String.valueOf(type.version());
        }
        return typePage(type, new TypeFields(nameDa, nameEn, departmentGroup, decisionDays, active != null, version),
                outcome.errors(), model);
    }

    private String overview(DepartmentFields department, TypeFields type, Map<String, String> errors, Model model) {
        model.addAttribute("departments", departments.all());
        model.addAttribute("types", types.all());
        model.addAttribute("dep", department);
        model.addAttribute("type", type);
        model.addAttribute("errors", errors);
        return "admin/permits";
    }

    private String departmentPage(Departments.Department department, DepartmentFields fields,
            Map<String, String> errors, Model model) {
        model.addAttribute("department", department);
        model.addAttribute("dep", fields);
        model.addAttribute("errors", errors);
        model.addAttribute("history", changes.history(ReferenceKinds.DEPARTMENT, String.valueOf(department.id()),
                LocaleContextHolder.getLocale()));
        return "admin/permit-department";
    }

    private String typePage(PermitTypes.PermitType type, TypeFields fields, Map<String, String> errors, Model model) {
        model.addAttribute("permitType", type);
        model.addAttribute("type", fields);
        model.addAttribute("departments", departments.all());
        model.addAttribute("errors", errors);
        model.addAttribute("history", changes.history(ReferenceKinds.PERMIT_TYPE, String.valueOf(type.id()),
                LocaleContextHolder.getLocale()));
        return "admin/permit-type";
    }

    private Departments.Department findDepartment(long id) {
        return departments.all().stream().filter(d -> d.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("No department " + id));
    }

    private PermitTypes.PermitType findType(long id) {
        return types.find(id).orElseThrow(() -> new NotFoundException("No permit type " + id));
    }

    private static Integer days(String typed) {
        if (typed == null || !typed.strip().matches("[0-9]{1,3}")) {
            throw new FieldProblemException("decisionDays", "admin.permits.error.days");
        }
        return Integer.valueOf(typed.strip());
    }

    private static Long version(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : Long.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
