package dk.initiativ.initiative;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every timeline milestone has its text in Danish and in English. */
class CaseEventTextsTest {

    @ParameterizedTest
    @ValueSource(strings = {"da", "en"})
    void everyCaseEventTypeHasAText(String language) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages_" + language + ".properties")) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        for (CaseEventType type : CaseEventType.values()) {
            assertThat(messages.getProperty("caseEvent." + type.name())).as(type + " in " + language).isNotBlank();
        }
    }
}
