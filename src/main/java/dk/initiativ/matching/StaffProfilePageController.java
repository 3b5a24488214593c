package dk.initiativ.matching;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dk.initiativ.admin.Admins;
import dk.initiativ.admin.ChangeTables;
import dk.initiativ.admin.ReferenceKinds;
import dk.initiativ.catalog.CatalogService;
import dk.initiativ.process.DeadlineProperties;
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
 * The admin's pages of the staff profiles (issue 13): the list ({@code /admin/medarbejdere}) and one person
 * ({@code /admin/medarbejdere/{userId}}: team, capacity and competences; the absence periods, past, current and
 * coming, each with its first and last day and a note: add one, remove one, ADR 0038). Plain forms with the CSRF
 * token; a refused form comes back with the message next to the field.
 */
@Controller
@HtmlPage
@NotAccessLogged("staff profiles: staff data, no citizen's")
class StaffProfilePageController {

    static final String PATH = "/admin/medarbejdere";

    private final StaffDirectory directory;
    private final StaffProfileAdmin admin;
    private final CatalogService catalog;
    private final PageForms forms;
    private final Clock clock;
    private final ZoneId zone;
    private final ChangeTables changes;

    StaffProfilePageController(StaffDirectory directory, StaffProfileAdmin admin, CatalogService catalog,
            PageForms forms, Clock clock, DeadlineProperties deadlines, ChangeTables changes) {
        this.directory = directory;
        this.admin = admin;
        this.catalog = catalog;
        this.forms = forms;
        this.clock = clock;
        this.zone = deadlines.zone();
        this.changes = changes;
    }

    /** The work form as typed. */
    record WorkForm(String team, String capacity, List<String> competences) {
    }

    /** The absence form as typed. */
    record AbsenceForm(String from, String until, String note) {

        static final AbsenceForm EMPTY = new AbsenceForm("", "", "");
    }

    /** An absence period on the page: past, current (covers today) or coming; its first day as a reader reads it. */
    record PeriodRow(Absence absence, String state, String fromText) {
    }

    @GetMapping(PATH)
    String list(Authentication authentication, Model model) {
        Admins.require(authentication);
        model.addAttribute("staff", directory.all());
        model.addAttribute("today", today());
        return "admin/staff";
    }

    @GetMapping(PATH + "/{userId}")
    String person(@PathVariable("userId") String userId, Authentication authentication, Locale locale, Model model) {
        Admins.require(authentication);
        StaffMember member = find(userId);
        return page(member, work(member), AbsenceForm.EMPTY, Map.of(), locale, model);
    }

    @PostMapping(PATH + "/{userId}")
    String changeWork(@PathVariable("userId") String userId,
            @RequestParam(name = "team", required = false) String team,
            @RequestParam(name = "capacity", required = false) String capacity,
            @RequestParam(name = "competences", required = false) List<String> competences,
            Authentication authentication, Locale locale, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        String who = Admins.require(authentication);
        StaffMember member = find(userId);
        List<String> topics = competences == null ? List.of() : competences;
        Integer number = capacity != null && capacity.strip().matches("[0-9]{1,4}")
                ? Integer.valueOf(capacity.strip()) : null;
        PageForms.Outcome<?> outcome = forms.run(() -> admin.changeWork(userId, team, number, topics, who),
                field -> field, null, locale, response);
        if (outcome.done()) {
            redirect.addFlashAttribute("notice", "admin.ref.staff.saved");
            return "redirect:" + PATH + "/" + userId;
        }
        return page(member, new WorkForm(team, capacity, topics), AbsenceForm.EMPTY, outcome.errors(), locale,
                model);
    }

    @PostMapping(PATH + "/{userId}/fravaer")
    String addAbsence(@PathVariable("userId") String userId,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "until", required = false) String until,
            @RequestParam(name = "note", required = false) String note,
            Authentication authentication, Locale locale, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        String who = Admins.require(authentication);
        StaffMember member = find(userId);
        PageForms.Outcome<?> outcome = forms.run(() -> {
            LocalDate first = date(from, "from");
            LocalDate last = date(until, "until");
            admin.addAbsence(userId, first, last, note, who);
        }, field -> field, null, locale, response);
        if (outcome.done()) {
            redirect.addFlashAttribute("notice", "admin.absence.added");
            return "redirect:" + PATH + "/" + userId;
        }
        return page(member, work(member), new AbsenceForm(from, until, note), outcome.errors(), locale, model);
    }

    @PostMapping(PATH + "/{userId}/fravaer/{absenceId}/slet")
    String removeAbsence(@PathVariable("userId") String userId, @PathVariable("absenceId") long absenceId,
            Authentication authentication, RedirectAttributes redirect) {
        String who = Admins.require(authentication);
        admin.removeAbsence(userId, absenceId, who);
        redirect.addFlashAttribute("notice", "admin.absence.removed");
        return "redirect:" + PATH + "/" + userId;
    }

    private String page(StaffMember member, WorkForm work, AbsenceForm absence, Map<String, String> errors,
            Locale locale, Model model) {
        model.addAttribute("member", member);
        model.addAttribute("work", work);
        model.addAttribute("absence", absence);
        model.addAttribute("errors", errors);
        model.addAttribute("teams", directory.teams());
        model.addAttribute("topics", catalog.activeTopics(locale));
        LocalDate today = today();
        model.addAttribute("absentToday", member.isAbsentOn(today));
        DateTimeFormatter days = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        model.addAttribute("periods", member.absences().stream().map(period -> new PeriodRow(period,
                period.endedBefore(today) ? "past" : period.startsAfter(today) ? "coming" : "current",
                period.from().format(days))).toList());
        model.addAttribute("history", changes.history(ReferenceKinds.STAFF_PROFILE, member.userId(), locale));
        return "admin/staff-profile";
    }

    private static WorkForm work(StaffMember member) {
        return new WorkForm(member.teamCode(), String.valueOf(member.capacity()), List.copyOf(member.competences()));
    }

    private StaffMember find(String userId) {
        return directory.byUserId(userId).orElseThrow(() -> new NotFoundException("No staff profile " + userId));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private static LocalDate date(String typed, String field) {
        return IsoDates.parse(typed, field, "admin.absence.error.date");
    }
}
