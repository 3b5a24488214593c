package dk.initiativ.citizen;

import java.util.Locale;

import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dk.initiativ.initiative.Outcome;
import dk.initiativ.privacy.AccessLogProperties;
import dk.initiativ.privacy.AnonymisationProperties;
import org.springframework.context.MessageSource;
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
    private final AnonymisationProperties anonymisation;
    private final MessageSource texts;

    CitizenPagesController(Showcase showcase, AccessLogProperties accessLog, AnonymisationProperties anonymisation,
            MessageSource texts) {
        this.accessLog = accessLog;
        this.anonymisation = anonymisation;
        this.texts = texts;
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

    /** One line of the privacy notice's retention: so many months after closure for cases that ended so. */
    record Retention(long months, String outcomes) {
    }

    @GetMapping("/privacy")
    String privacy(Model model, Locale locale) {
        // the notice names the configured periods (access log, anonymisation per outcome), never a number typed
        // into the text
        model.addAttribute("accessLogMonths", accessLog.retention().toTotalMonths());
        Map<Long, List<Outcome>> byMonths = new TreeMap<>();
        for (Outcome outcome : Outcome.values()) {
            Period period = anonymisation.after(outcome);
            byMonths.computeIfAbsent(period.toTotalMonths(), months -> new java.util.ArrayList<>()).add(outcome);
        }
        model.addAttribute("retentions", byMonths.entrySet().stream().map(entry -> new Retention(entry.getKey(),
                entry.getValue().stream().map(outcome -> texts.getMessage("outcome." + outcome.name(), null, locale)
                        .toLowerCase(locale)).collect(Collectors.joining(", ")))).toList());
        return "privacy";
    }

    @GetMapping("/my")
    String my(Authentication authentication, Model model) {
        model.addAttribute("cases", showcase.ofCitizen(authentication.getName()));
        return "my";
    }
}
