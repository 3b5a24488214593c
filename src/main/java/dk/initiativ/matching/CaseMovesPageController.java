package dk.initiativ.matching;

import java.util.Locale;
import java.util.Map;

import dk.initiativ.casework.StaffUser;
import dk.initiativ.web.FieldProblemException;
import dk.initiativ.web.ForbiddenException;
import dk.initiativ.web.HtmlPage;
import dk.initiativ.web.NotAccessLogged;
import dk.initiativ.web.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The manager's page for moving every open case of one person (absence, leaving) over the rest of the team by
 * workload: the planned spread first, then one reason and one step ({@link CaseMoves#moveAll}).
 */
@Controller
@HtmlPage
@NotAccessLogged("a staff member's cases by number and title with their new contact persons; no citizen's name, contact data or text")
class CaseMovesPageController {

    private final CaseMoves moves;
    private final StaffDirectory staff;
    private final MessageSource texts;

    CaseMovesPageController(CaseMoves moves, StaffDirectory staff, MessageSource texts) {
        this.moves = moves;
        this.staff = staff;
        this.texts = texts;
    }

    @GetMapping("/medarbejdere/{userId}/flyt-sager")
    String page(@PathVariable String userId, Authentication authentication, Model model) {
        StaffMember person = requireMayMove(userId, StaffUser.of(authentication));
        model.addAttribute("person", person);
        model.addAttribute("plan", moves.plan(person.userId()).orElse(null));
        return "staff/move-cases";
    }

    @PostMapping("/medarbejdere/{userId}/flyt-sager")
    Object moveAll(@PathVariable String userId, @RequestParam(name = "reason", required = false) String reason,
            Authentication authentication, Locale locale, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        StaffUser user = StaffUser.of(authentication);
        StaffMember person = requireMayMove(userId, user);
        int moved;
        try {
            moved = moves.moveAll(person.userId(), reason, user);
        } catch (FieldProblemException e) {
            String message = texts.getMessage(e.messageKey(), null, locale);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("person", person);
            model.addAttribute("plan", moves.plan(person.userId()).orElse(null));
            model.addAttribute("reasonError", message);
            model.addAttribute("reasonErrors", Map.of("reason", message));
            model.addAttribute("reason", reason);
            return "staff/move-cases";
        }
        redirect.addFlashAttribute("movedCount", moved);
        RedirectView view = new RedirectView("/medarbejdere/" + person.userId() + "/flyt-sager", true);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        view.setExposeModelAttributes(false);
        return view;
    }

    private StaffMember requireMayMove(String userId, StaffUser user) {
        StaffMember person = staff.byUserId(userId).orElseThrow(() -> new NotFoundException("No staff " + userId));
        if (!moves.mayMoveAllOf(user, person.userId())) {
            throw new ForbiddenException(user.userId() + " may not move the cases of " + userId);
        }
        return person;
    }
}
