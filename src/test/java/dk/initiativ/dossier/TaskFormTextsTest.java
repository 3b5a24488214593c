package dk.initiativ.dossier;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text of a Camunda Form that the case page shows has its Danish (in the form file) and its English (in
 * {@code i18n/task-forms_en.properties}, keyed by form id and field key), and the English bundle holds nothing
 * else: a field added to or renamed in a form without its English fails here.
 */
class TaskFormTextsTest {

    @Test
    void everyFormTextHasDanishAndEnglish() throws IOException {
        Properties english = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources", FormDefinitions.ENGLISH),
                StandardCharsets.UTF_8)) {
            english.load(in);
        }
        Set<String> needed = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        List<Path> forms;
        try (Stream<Path> files = Files.list(Path.of("bpmn/forms"))) {
            forms = files.filter(file -> file.toString().endsWith(".form")).sorted().toList();
        }
        assertThat(forms).hasSizeGreaterThanOrEqualTo(11);
        for (Path file : forms) {
            JsonNode form = json.readTree(file.toFile());
            String id = form.get("id").asText();
            assertThat(file.getFileName().toString()).isEqualTo(id + ".form");
            for (JsonNode component : form.get("components")) {
                if ("text".equals(component.path("type").asText())) {
                    if (!component.path("text").asText().contains("/cases/")) {
                        danish(component.path("text"), id + " " + component.path("id").asText());
                        needed.add(id + "." + component.get("id").asText() + ".text");
                    }
                    continue;
                }
                if (component.path("readonly").asBoolean(false) || !component.hasNonNull("key")) {
                    continue;
                }
                String key = id + "." + component.get("key").asText();
                danish(component.has("label") ? component.get("label") : component.path("dateLabel"), key);
                needed.add(key + ".label");
                if (component.has("description")) {
                    needed.add(key + ".description");
                }
                for (JsonNode option : component.path("values")) {
                    danish(option.path("label"), key + " " + option.path("value").asText());
                    needed.add(key + ".values." + option.path("value").asText());
                }
            }
        }
        assertThat(english.stringPropertyNames()).as("English texts of the forms")
                .containsExactlyInAnyOrderElementsOf(needed);
        english.forEach((key, text) -> assertThat((String) text).as(key.toString()).isNotBlank());
    }

    private static void danish(JsonNode text, String what) {
        assertThat(text.asText()).as("Danish text of %s", what).isNotBlank();
    }
}
