package dk.initiativ.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Danish first, English complete: both bundles hold the same keys, none blank, and every message key
 * the code names (validation messages, field problems, conflicts) is in them.
 */
class MessageBundlesTest {

    /** {@code "{key}"} in Bean Validation messages; {@code "a.key"} passed to our problem exceptions. */
    private static final Pattern VALIDATION_KEY = Pattern.compile("\"\\{([a-zA-Z]+\\.[\\w.]+)}\"");
    private static final Pattern PROBLEM_KEY = Pattern.compile(
            "(?:FieldProblemException|ConflictException|InvalidScreeningException)\\([^;]*?\"([a-z][A-Za-z]*\\.[\\w.]+)\"");

    /** The bundles of {@code spring.messages.basename}. */
    private static final List<String> BASENAMES = List.of("messages", "i18n/form", "i18n/portal", "i18n/mail");

    @Test
    void danishAndEnglishHaveTheSameKeysAndNoEmptyTexts() throws IOException {
        for (String basename : BASENAMES) {
            Properties danish = bundle(basename, "da");
            Properties english = bundle(basename, "en");

            assertThat(english.stringPropertyNames()).as(basename)
                    .containsExactlyInAnyOrderElementsOf(danish.stringPropertyNames());
            danish.forEach((key, text) -> assertThat((String) text).as("da " + key).isNotBlank());
            english.forEach((key, text) -> assertThat((String) text).as("en " + key).isNotBlank());
        }
    }

    @Test
    void theBundlesAreTheConfiguredOnes() throws IOException {
        String configured = Files.readAllLines(Path.of("src/main/resources/application.yaml")).stream()
                .filter(line -> line.strip().startsWith("basename:")).findFirst().orElseThrow();
        assertThat(configured.strip()).isEqualTo("basename: " + String.join(",", BASENAMES));
    }

    @Test
    void everyKeyTheCodeNamesHasItsText() throws IOException {
        Set<String> used = new HashSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                collect(VALIDATION_KEY.matcher(code), used);
                collect(PROBLEM_KEY.matcher(code), used);
            }
        }
        assertThat(used).hasSizeGreaterThan(50);
        Set<String> danishKeys = new HashSet<>();
        for (String basename : BASENAMES) {
            danishKeys.addAll(bundle(basename, "da").stringPropertyNames());
        }
        assertThat(danishKeys).containsAll(used);
    }

    private static void collect(Matcher matcher, Set<String> keys) {
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
    }

    private static Properties bundle(String basename, String language) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + basename + "_" + language + ".properties")) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return messages;
    }
}
