package dk.initiativ.matching;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dk.initiativ.admin.Admins;
import dk.initiativ.admin.ChangeTables;
import dk.initiativ.admin.ReferenceKinds;
import dk.initiativ.web.HtmlPage;
import dk.initiativ.web.NotAccessLogged;
import dk.initiativ.web.NotFoundException;
import dk.initiativ.web.PageForms;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's pages of the teams (issue 13): the list ({@code /admin/teams}), a new team ({@code /admin/teams/ny})
 * and one team ({@code /admin/teams/{code}}: name and managers, members and moving a staff member in, its recorded
 * changes). Plain forms with the CSRF token; a refused form comes back with the message next to the field.
 */
@Controller
@HtmlPage
@NotAccessLogged("teams: staff data, no citizen's")
class TeamPageController {

    static final String PATH = "/admin/teams";

    private final StaffDirectory directory;
    private final TeamAdmin admin;
    private final IdentityService identities;
    private final ChangeTables changes;
    private final PageForms forms;

    TeamPageController(StaffDirectory directory, TeamAdmin admin, IdentityService identities,
            ChangeTables changes, PageForms forms) {
        this.directory = directory;
        this.admin = admin;
        this.identities = identities;
        this.changes = changes;
        this.forms = forms;
    }

    /** The team form as typed; managers one user name a line. */
    record Form(String code, String name, String managers, String version) {

        static Form of(TeamView team) {
            return new Form(team.code(), team.name(), String.join("\n", team.managers()),
                    String.valueOf(team.version()));
        }
    }

    /** A team on the list: with how many members it has. */
    record Row(TeamView team, int members) {
    }

    /** A user of the manager group, offered as a manager. */
    record Candidate(String userId, String name) {
    }

    @GetMapping(PATH)
    String list(Authentication authentication, Model model) {
        Admins.require(authentication);
        model.addAttribute("teams", directory.teams().stream()
                .map(team -> new Row(team, directory.byTeam(team.code()).size())).toList());
        return "admin/teams";
    }

    @GetMapping(PATH + "/ny")
    String newTeam(Authentication authentication, Model model) {
        Admins.require(authentication);
        model.addAttribute("form", new Form("", "", "", ""));
        model.addAttribute("errors", Map.of());
        model.addAttribute("candidates", candidates(Team.DEFAULT_MANAGER_GROUP));
        return "admin/team-new";
    }

    @PostMapping(PATH + "/ny")
    String create(@RequestParam(name = "code", required = false) String code,
            @RequestParam(name = "name", required = false) String name,
            @RequestParam(name = "managers", required = false) String managers,
            Authentication authentication, Locale locale, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        String who = Admins.require(authentication);
        PageForms.Outcome<TeamView> outcome = forms.attempt(
                () -> admin.create(new TeamAdmin.NewTeam(code, name, lines(managers)), who), field -> field, null,
                locale, response);
        if (outcome.done()) {
            redirect.addFlashAttribute("notice", "admin.teams.created");
            return "redirect:" + PATH + "/" + outcome.result().code();
        }
        model.addAttribute("form", new Form(code, name, managers, ""));
        model.addAttribute("errors", outcome.errors());
        model.addAttribute("candidates", candidates(Team.DEFAULT_MANAGER_GROUP));
        return "admin/team-new";
    }

    @GetMapping(PATH + "/{code}")
    String team(@PathVariable("code") String code, Authentication authentication, Locale locale, Model model) {
        Admins.require(authentication);
        TeamView team = find(code);
        return page(team, Form.of(team), Map.of(), locale, model);
    }

    @PostMapping(PATH + "/{code}")
    String describe(@PathVariable("code") String code, @RequestParam(name = "name", required = false) String name,
            @RequestParam(name = "managers", required = false) String managers,
            @RequestParam(name = "version", required = false) String version,
            Authentication authentication, Locale locale, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        String who = Admins.require(authentication);
        find(code);
        Long read = version != null && version.strip().matches("[0-9]{1,18}") ? Long.valueOf(version.strip()) : null;
        PageForms.Outcome<?> outcome = forms.run(() -> admin.describe(code, name, lines(managers), read, who),
                field -> field, "name", locale, response);
        if (outcome.done()) {
            redirect.addFlashAttribute("notice", "admin.teams.saved");
            return "redirect:" + PATH + "/" + code;
        }
        TeamView team = find(code);
        return page(team, new Form(code, name, managers, String.valueOf(team.version())), outcome.errors(), locale,
                model);
    }

    @PostMapping(PATH + "/{code}/medlemmer")
    String move(@PathVariable("code") String code, @RequestParam(name = "member", required = false) String member,
            Authentication authentication, Locale locale, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        String who = Admins.require(authentication);
        TeamView team = find(code);
        PageForms.Outcome<?> outcome = forms.attempt(() -> admin.moveMember(code, member, who), field -> field, null,
                locale, response);
        if (outcome.done()) {
            redirect.addFlashAttribute("notice", "admin.teams.moved");
            return "redirect:" + PATH + "/" + code;
        }
        return page(team, Form.of(team), outcome.errors(), locale, model);
    }

    private String page(TeamView team, Form form, Map<String, String> errors, Locale locale, Model model) {
        model.addAttribute("team", team);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("candidates", candidates(team.managerGroup()));
        List<StaffMember> members = directory.byTeam(team.code());
        model.addAttribute("members", members);
        model.addAttribute("others", directory.all().stream()
                .filter(member -> !team.code().equals(member.teamCode())).toList());
        model.addAttribute("history", changes.history(ReferenceKinds.TEAM, team.code(), locale));
        return "admin/team";
    }

    /** The users of the manager group, by name, for the hint next to the managers field. */
    private List<Candidate> candidates(String group) {
        return identities.createUserQuery().memberOfGroup(group).list().stream()
                .map(user -> new Candidate(user.getId(), fullName(user)))
                .sorted(Comparator.comparing(Candidate::name)).toList();
    }

    private static String fullName(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? user.getId() : name;
    }

    private TeamView find(String code) {
        return directory.team(code).orElseThrow(() -> new NotFoundException("No team " + code));
    }

    /** One user name a line (commas also separate). */
    private static List<String> lines(String typed) {
        return typed == null ? List.of() : Arrays.stream(typed.split("[\\r\\n,]+")).map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
    }

    private String text(String key, Locale locale) {
        return forms.text(key, locale);
    }
}
