package dk.initiativ.casework;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every list {@link TaskFormOptions} puts on a task is one a form in {@code bpmn/forms/} reads by its
 * {@code valuesKey}, and every list a form reads is put on a task: no list travels with tasks that nobody shows, and
 * no form waits for a list that never comes.
 */
class TaskFormListsTest {

    private static final Pattern VALUES_KEY = Pattern.compile("\"valuesKey\"\\s*:\\s*\"([^\"]+)\"");

    @Test
    void theListsPutOnTasksAreTheListsTheFormsRead() throws IOException {
        Set<String> read = new TreeSet<>();
        try (Stream<Path> forms = Files.list(Path.of("bpmn", "forms"))) {
            for (Path form : forms.filter(f -> f.toString().endsWith(".form")).toList()) {
                Matcher matcher = VALUES_KEY.matcher(Files.readString(form));
                while (matcher.find()) {
                    read.add(matcher.group(1));
                }
            }
        }
        Set<String> put = new TreeSet<>();
        TaskFormOptions.BY_TASK.values().forEach(put::addAll);
        assertThat(read).isNotEmpty();
        assertThat(put).isEqualTo(read);
    }
}
