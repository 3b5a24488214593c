package dk.initiativ.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import dk.initiativ.process.TaskFormFiles;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * The Camunda Forms of {@code bpmn/forms/} (form-js JSON, the files Tasklist shows) as the case page reads
 * them: which form a user task has (its {@code camunda:formRef} in the deployed model), the form's
 * components, and their texts. Danish comes from the form file itself; English from
 * {@code i18n/task-forms_en.properties}, keyed by form id and field key ({@code screen-initiative.screeningNote.label}).
 */
@Component
class FormDefinitions {

    static final String MODEL = "bpmn/initiative.bpmn";
    static final String ENGLISH = "i18n/task-forms_en.properties";

    private final TaskFormFiles files;
    /** Read from the model when a case page first asks, not at start: the model API's first parse is slow (ADR 0051). */
    private final SingletonSupplier<Map<String, String>> formOfTask = SingletonSupplier.of(FormDefinitions::formRefs);
    private final Properties english = new Properties();

    FormDefinitions(TaskFormFiles files) {
        this.files = files;
        try (InputStream in = new ClassPathResource(ENGLISH).getInputStream()) {
            english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The form id of a user task (its {@code camunda:formRef}), if it has one. */
    Optional<String> formOf(String taskKey) {
        return Optional.ofNullable(formOfTask.obtain().get(taskKey));
    }

    /** The form's components, in order. */
    List<JsonNode> components(String formId) {
        JsonNode form = files.form(formId);
        List<JsonNode> components = new ArrayList<>();
        form.path("components").forEach(components::add);
        return components;
    }

    /**
     * A text of the form in the reader's language: Danish as the form file has it, English from the bundle under
     * {@code formId.key.part} (the Danish text when the bundle lacks it, which {@code TaskFormTextsTest} forbids).
     */
    String text(String formId, String key, String part, String danish, Locale locale) {
        if ("en".equals(locale.getLanguage())) {
            return english.getProperty(formId + "." + key + "." + part, danish);
        }
        return danish;
    }

    private static Map<String, String> formRefs() {
        try (InputStream in = new ClassPathResource(MODEL).getInputStream()) {
            BpmnModelInstance model = Bpmn.readModelFromStream(in);
            Map<String, String> refs = new HashMap<>();
            model.getModelElementsByType(UserTask.class).forEach(task -> {
                if (task.getCamundaFormRef() != null) {
                    refs.put(task.getId(), task.getCamundaFormRef());
                }
            });
            return Map.copyOf(refs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
