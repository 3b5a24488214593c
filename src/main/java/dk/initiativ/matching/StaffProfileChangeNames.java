package dk.initiativ.matching;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import dk.initiativ.admin.ChangeNames;
import dk.initiativ.admin.ReferenceKinds;
import dk.initiativ.catalog.CatalogService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Names what the change record keeps of a staff profile (ADR 0038): the person's name for the user id, the team's
 * name for its code, topic names for the competences, and the absence periods as dates a reader reads.
 */
@Component
class StaffProfileChangeNames implements ChangeNames {

    private final StaffProfileRepository profiles;
    private final TeamRepository teams;
    private final CatalogService catalog;
    private final MessageSource texts;

    StaffProfileChangeNames(StaffProfileRepository profiles, TeamRepository teams, CatalogService catalog,
            MessageSource texts) {
        this.profiles = profiles;
        this.teams = teams;
        this.catalog = catalog;
        this.texts = texts;
    }

    @Override
    public String kind() {
        return ReferenceKinds.STAFF_PROFILE;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> entityName(String userId, Locale locale) {
        return profiles.findByUserId(userId).map(profile -> profile.getDisplayName() + " (" + userId + ")");
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> value(String field, JsonNode value, Locale locale) {
        return switch (field) {
            case "team" -> value.isTextual() ? teams.findByCode(value.textValue()).map(Team::getName) : Optional.empty();
            case "competences" -> Optional.of(topics(value, locale));
            case "absences" -> Optional.of(periods(value, locale));
            default -> Optional.empty();
        };
    }

    private String topics(JsonNode codes, Locale locale) {
        Map<String, String> names = catalog.topicNames(locale);
        List<String> topics = new ArrayList<>();
        codes.forEach(code -> topics.add(names.getOrDefault(code.asText(), code.asText())));
        return String.join(", ", topics);
    }

    /** "1. december 2026 – 5. december 2026 (Ferie); 1. februar 2027 – ukendt". */
    private String periods(JsonNode periods, Locale locale) {
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        List<String> shown = new ArrayList<>();
        for (JsonNode period : periods) {
            String from = day(period.path("from"), dates, locale);
            String until = day(period.path("until"), dates, locale);
            String note = period.path("note").isTextual() ? period.path("note").textValue() : null;
            String text = texts.getMessage("admin.changes.period", new Object[] {from, until}, locale);
            shown.add(note == null ? text : texts.getMessage("admin.changes.periodNote", new Object[] {text, note},
                    locale));
        }
        return String.join("; ", shown);
    }

    private String day(JsonNode value, DateTimeFormatter dates, Locale locale) {
        return value.isTextual() ? LocalDate.parse(value.textValue()).format(dates)
                : texts.getMessage("admin.ref.staff.untilUnknown", null, locale);
    }
}
