package dk.initiativ.process;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every deadline is in the typed record, and application.yaml names each with the record's default. */
class DeadlinePropertiesTest {

    @Test
    void applicationYamlNamesEveryDeadlineWithItsDefault() throws IOException {
        PropertySource<?> yaml = new YamlPropertySourceLoader()
                .load("application.yaml", new ClassPathResource("application.yaml")).get(0);

        Arrays.stream(DeadlineProperties.class.getRecordComponents())
                .map(component -> "initiativ.deadlines." + kebab(component.getName()))
                .forEach(key -> assertThat(yaml.containsProperty(key) || yaml.containsProperty(key + "[0]"))
                        .as("application.yaml names %s", key).isTrue());
        DeadlineProperties fromYaml = new Binder(ConfigurationPropertySources.from(yaml))
                .bindOrCreate("initiativ.deadlines", DeadlineProperties.class);
        assertThat(fromYaml).isEqualTo(WorkingDayCalendarTest.bind(Map.of()));
    }

    @Test
    void thePermitDecisionIsTenWorkingDaysUnlessConfigured() {
        assertThat(WorkingDayCalendarTest.bind(Map.of()).permitDecision()).isEqualTo(10);
        assertThat(WorkingDayCalendarTest.bind(Map.of("initiativ.deadlines.permit-decision", "15")).permitDecision())
                .isEqualTo(15);
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
    }
}
