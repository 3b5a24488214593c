package dk.initiativ.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The Camunda Forms of {@code bpmn/forms/} (form-js JSON, deployed with the model and shown by Tasklist and the case
 * page), read from the class path: the packaged forms are the deployed ones (ADR 0006). A form's fields are the
 * process variables its task is completed with, whatever the door ({@code casework.EngineTaskRules}).
 */
@Component
public class TaskFormFiles {

    static final String FORMS = "bpmn/forms/";

    private final ObjectMapper json;
    private final Map<String, JsonNode> forms = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Boolean>> fields = new ConcurrentHashMap<>();

    TaskFormFiles(ObjectMapper json) {
        this.json = json;
    }

    /** The form's JSON as the file has it. */
    public JsonNode form(String formId) {
        return forms.computeIfAbsent(formId, this::read);
    }

    /** The keys of the form's fields (groups included), each with whether the field is read-only, in form order. */
    public Map<String, Boolean> fields(String formId) {
        return fields.computeIfAbsent(formId, id -> {
            Map<String, Boolean> keys = new LinkedHashMap<>();
            collect(form(id).path("components"), keys);
            return Collections.unmodifiableMap(keys);
        });
    }

    private static void collect(JsonNode components, Map<String, Boolean> keys) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) {
                keys.put(component.get("key").asText(), component.path("readonly").asBoolean(false)
                        || component.path("disabled").asBoolean(false));
            }
            collect(component.path("components"), keys);
        }
    }

    private JsonNode read(String formId) {
        if (!formId.matches("[a-z-]{1,60}")) {
            throw new IllegalArgumentException("Not a form id: " + formId);
        }
        try (InputStream in = new ClassPathResource(FORMS + formId + ".form").getInputStream()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
