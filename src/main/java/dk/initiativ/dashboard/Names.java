package dk.initiativ.dashboard;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The labels the sections 40-70 put into their cells, in the page's language: topic and district names from the
 * catalogue's tables (by code, in name order), and texts from the message bundles.
 */
@Component
class Names {

    private final JdbcTemplate jdbc;
    private final MessageSource messages;

    Names(JdbcTemplate jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** Topic code to name, all topics (inactive ones too: old cases keep them), by name. */
    Map<String, String> topics(Locale locale) {
        return names("topic", locale);
    }

    /** District code to name, all districts, by name. */
    Map<String, String> districts(Locale locale) {
        return names("district", locale);
    }

    String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private Map<String, String> names(String table, Locale locale) {
        String column = "en".equals(locale.getLanguage()) ? "name_en" : "name_da";
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.query("SELECT code, " + column + " FROM " + table + " ORDER BY " + column + ", code",
                rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        return names;
    }
}
