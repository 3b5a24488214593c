package dk.initiativ.citizen;

import java.util.Locale;

import dk.initiativ.privacy.AccessLogProperties;
import dk.initiativ.web.HtmlPage;
import dk.initiativ.web.NotAccessLogged;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The public showcase, the privacy notice and a logged-in citizen's "my initiatives". */
@Controller
@HtmlPage
@NotAccessLogged("public pages (showcase with consent, privacy notice) and the citizen's own list")
class CitizenPagesController {

    private final Showcase showcase;
    private final AccessLogProperties accessLog;

    CitizenPagesController(Showcase showcase, AccessLogProperties accessLog) {
        this.accessLog = accessLog;
        this.showcase = showcase;
    }

    @GetMapping("/showcase")
    String showcase(@RequestParam(name = "page", defaultValue = "1") String page,
            @RequestParam(name = "district", required = false) String district, Model model, Locale locale) {
        int number;
        try {
            number = Integer.parseInt(page);
        } catch (NumberFormatException notANumber) {
            number = 1;
        }
        Showcase.Page found = showcase.page(district == null || district.isBlank() ? null : district.strip(),
                Math.min(number, 100_000), locale);
        if (number > found.pages()) {
            return "redirect:" + UriComponentsBuilder.fromPath("/showcase").queryParam("page", found.pages())
                    .queryParamIfPresent("district", java.util.Optional.ofNullable(found.district())).toUriString();
        }
        model.addAttribute("showcase", found);
        return "showcase";
    }

    @GetMapping("/privacy")
    String privacy(Model model) {
        // the notice names the configured retention of the staff access log, never a number typed into the text
        model.addAttribute("accessLogMonths", accessLog.retention().toTotalMonths());
        return "privacy";
    }

    @GetMapping("/my")
    String my(Authentication authentication, Model model) {
        model.addAttribute("cases", showcase.ofCitizen(authentication.getName()));
        return "my";
    }
}
