package dk.initiativ.dossier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import dk.initiativ.casework.StaffTasks;
import dk.initiativ.casework.StaffUser;
import dk.initiativ.casework.TaskFormOptions;
import dk.initiativ.casework.TaskForms;
import dk.initiativ.casework.TaskSummary;
import dk.initiativ.permits.Departments;
import dk.initiativ.permits.PermitRequirements;
import dk.initiativ.permits.PermitTypes;
import dk.initiativ.process.InitiativeProcess;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The current user's open tasks on a case as forms on the case page, rendered on the server from the same
 * Camunda Form (form-js JSON in {@code bpmn/forms/}) that Tasklist shows (ADR 0016). Each component type our
 * forms use becomes Det Fælles Designsystem markup that works without JavaScript: a field that form-js shows
 * only on a condition is shown with a hint saying when it applies. Choices are chosen, not typed: a field with
 * a {@code valuesKey} (the pool, the partners, the permits' department, the contact person) offers the same list
 * Tasklist's form gets, from {@link TaskFormOptions} (ADR 0019), in the reader's language.
 */
@Component
class InlineTaskForms {

    /** One choice of a radio group, select or checklist. */
    record Choice(String value, String label, boolean selected) {
    }

    /** One field. {@code kind}: text, textfield, textarea, number, date, radio, select, checkbox or checklist. */
    record Field(String kind, String key, String label, String description, String condition, String value,
            boolean checked, List<Choice> choices, String error, String id) {

        Field(String kind, String key, String label, String description, String condition, String value,
                boolean checked, List<Choice> choices, String error) {
            this(kind, key, label, description, condition, value, checked, choices, error, null);
        }

        Field in(String taskId) {
            return new Field(kind, key, label, description, condition, value, checked, choices, error,
                    "task-" + taskId + "-" + key);
        }

        /** The ids of the field's description, condition and error, for aria-describedby. */
        public String describedBy() {
            List<String> ids = new ArrayList<>();
            if (description != null) {
                ids.add(id + "-hint");
            }
            if (condition != null) {
                ids.add(id + "-when");
            }
            if (error != null) {
                ids.add(id + "-error");
            }
            return ids.isEmpty() ? null : String.join(" ", ids);
        }
    }

    /** A task with its form: {@code claimable} while it waits in a group's queue. */
    record TaskFormView(String taskId, String taskKey, String name, boolean claimable, String heading,
            String intro, String subject, List<Field> fields, Map<String, String> errors) {
    }

    private static final Pattern SHOW_WHEN_NOT = Pattern.compile("=(\\w+) != (true|false|\"[^\"]*\")");
    private static final Pattern SHOW_WHEN_ANSWERED = Pattern.compile("=(\\w+) = null");
    private static final Pattern SHOW_WHEN_ONE_OF = Pattern.compile("=not\\((.*)\\)");
    private static final Pattern EQUALS = Pattern.compile("(\\w+) = \"([^\"]*)\"");

    private final FormDefinitions definitions;
    private final StaffTasks tasks;
    private final TaskForms taskForms;
    private final TaskFormOptions options;
    private final Departments departments;
    private final MessageSource texts;
    private final TaskService engineTasks;
    private final PermitRequirements permits;
    private final PermitTypes permitTypes;

    InlineTaskForms(FormDefinitions definitions, StaffTasks tasks, TaskForms taskForms, TaskFormOptions options,
            Departments departments, MessageSource texts, TaskService engineTasks, PermitRequirements permits,
            PermitTypes permitTypes) {
        this.permitTypes = permitTypes;
        this.engineTasks = engineTasks;
        this.permits = permits;
        this.definitions = definitions;
        this.tasks = tasks;
        this.taskForms = taskForms;
        this.options = options;
        this.departments = departments;
        this.texts = texts;
    }

    /**
     * The user's open tasks on the case with their forms; the task {@code refusedTaskId} (a refused post) shows
     * the values posted and the errors (form field to message key).
     */
    List<TaskFormView> of(String caseNumber, StaffUser user, Locale locale, String refusedTaskId,
            Map<String, List<String>> posted, Map<String, String> errors) {
        List<TaskFormView> views = new ArrayList<>();
        for (TaskSummary task : tasks.onCase(caseNumber, user)) {
            Optional<String> formId = definitions.formOf(task.taskKey());
            if (formId.isEmpty() || !taskForms.has(task.taskKey())) {
                continue;
            }
            boolean refused = task.taskId().equals(refusedTaskId);
            views.add(view(task, formId.get(), locale, refused ? posted : Map.of(), refused ? errors : Map.of()));
        }
        return views;
    }

    private TaskFormView view(TaskSummary task, String formId, Locale locale, Map<String, List<String>> posted,
            Map<String, String> errors) {
        List<JsonNode> components = definitions.components(formId);
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        components.stream().filter(c -> c.hasNonNull("key")).forEach(c -> byKey.put(c.get("key").asText(), c));
        String heading = null;
        String intro = null;
        List<Field> fields = new ArrayList<>();
        Map<String, String> errorTexts = new LinkedHashMap<>();
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            if ("text".equals(type)) {
                if (component.path("text").asText().contains("/cases/")) {
                    continue; // Tasklist's link to this very page
                }
                String text = definitions.text(formId, component.path("id").asText(), "text",
                        component.path("text").asText(), locale);
                String[] lines = text.split("\n", 2);
                if (heading == null && lines[0].startsWith("#")) {
                    heading = lines[0].replaceFirst("^#+\\s*", "");
                    intro = lines.length > 1 ? lines[1].strip() : null;
                } else {
                    fields.add(new Field("text", component.path("id").asText(), null, text, null, null, false,
                            List.of(), null).in(task.taskId()));
                }
                continue;
            }
            if (!component.hasNonNull("key") || component.path("readonly").asBoolean(false)) {
                continue; // the case number and the team: the page shows them
            }
            String key = component.get("key").asText();
            String error = errors.containsKey(key) ? texts.getMessage(errors.get(key), null, errors.get(key), locale)
                    : null;
            if (error != null) {
                errorTexts.put(key, error);
            }
            fields.add(field(task, formId, component, type, key, byKey, posted, error, locale).in(task.taskId()));
        }
        // errors of fields the form does not show (a service's rule across fields): first in the summary
        errors.forEach((key, messageKey) -> errorTexts.putIfAbsent(key,
                texts.getMessage(messageKey, null, messageKey, locale)));
        return new TaskFormView(task.taskId(), task.taskKey(), task.name(), task.assignee() == null, heading, intro,
                subject(task, locale), fields, errorTexts);
    }

    /** Which permit a permit decision is about (a case may have several). */
    private String subject(TaskSummary task, Locale locale) {
        if (!InitiativeProcess.TASK_DECIDE_PERMIT.equals(task.taskKey())) {
            return null;
        }
        Object permitId = engineTasks.getVariable(task.taskId(), InitiativeProcess.VAR_PERMIT_ID);
        return permits.forCase(task.caseNumber()).stream()
                .filter(permit -> permitId != null && String.valueOf(permit.id()).equals(String.valueOf(permitId)))
                .map(permit -> texts.getMessage("caseWork.permitSubject",
                        new Object[] {permitTypes.label(permit, locale), departments.name(permit.departmentGroup(), locale)}, locale))
                .findFirst().orElse(null);
    }

    private Field field(TaskSummary task, String formId, JsonNode component, String type, String key,
            Map<String, JsonNode> byKey, Map<String, List<String>> posted, String error, Locale locale) {
        String danishLabel = component.hasNonNull("label") ? component.get("label").asText()
                : component.path("dateLabel").asText(key);
        String label = definitions.text(formId, key, "label", danishLabel, locale);
        String description = component.hasNonNull("description")
                ? definitions.text(formId, key, "description", component.get("description").asText(), locale) : null;
        String condition = condition(formId, component, byKey, locale);
        String value = first(posted, key);
        if (component.hasNonNull("valuesKey")) {
            // the list Tasklist's form gets (TaskFormOptions), in the reader's language
            String valuesKey = component.get("valuesKey").asText();
            String teamCode = TaskFormOptions.CONTACT_PERSONS.equals(valuesKey)
                    ? (String) engineTasks.getVariable(task.taskId(), InitiativeProcess.VAR_TEAM_CODE) : null;
            List<String> chosen = posted.getOrDefault(key, List.of());
            // the partners that serve the case's topic and district come first, marked (ADR 0039)
            boolean partners = TaskFormOptions.PARTNERS.equals(valuesKey);
            String topic = partners ? (String) engineTasks.getVariable(task.taskId(), InitiativeProcess.VAR_TOPIC)
                    : null;
            String district = partners
                    ? (String) engineTasks.getVariable(task.taskId(), InitiativeProcess.VAR_DISTRICT) : null;
            List<Choice> listed = options.options(valuesKey, teamCode, topic, district, locale).stream()
                    .map(option -> new Choice(option.value(), option.label(), chosen.contains(option.value())))
                    .toList();
            return new Field("checklist".equals(type) ? "checklist" : "select", key, label, description, condition,
                    value, false, listed, error);
        }
        List<Choice> choices = new ArrayList<>();
        component.path("values").forEach(option -> {
            String optionValue = option.path("value").asText();
            choices.add(new Choice(optionValue, definitions.text(formId, key, "values." + optionValue,
                    option.path("label").asText(), locale), optionValue.equals(value)));
        });
        String kind = switch (type) {
            case "datetime" -> "date";
            case "textarea", "number", "radio", "checkbox", "select", "checklist" -> type;
            default -> "textfield";
        };
        return new Field(kind, key, label, description, condition, value, "true".equals(value), choices, error);
    }

    /**
     * When a field applies, in words: the form-js conditions our forms use ({@code =x != true},
     * {@code =x != false}, {@code =x = null}, {@code =not(x = "a" or x = "b")}) read as the values of {@code x}
     * that show the field.
     */
    private String condition(String formId, JsonNode component, Map<String, JsonNode> byKey, Locale locale) {
        String hide = component.path("conditional").path("hide").asText(null);
        if (hide == null) {
            return null;
        }
        String on;
        List<String> values = new ArrayList<>();
        Matcher matcher;
        if ((matcher = SHOW_WHEN_NOT.matcher(hide.strip())).matches()) {
            on = matcher.group(1);
            values.add(matcher.group(2).replace("\"", ""));
        } else if ((matcher = SHOW_WHEN_ANSWERED.matcher(hide.strip())).matches()) {
            on = matcher.group(1);
        } else if ((matcher = SHOW_WHEN_ONE_OF.matcher(hide.strip())).matches()) {
            Matcher equals = EQUALS.matcher(matcher.group(1));
            on = null;
            while (equals.find()) {
                on = equals.group(1);
                values.add(equals.group(2));
            }
            if (on == null) {
                throw new IllegalStateException("Form " + formId + ": condition not understood: " + hide);
            }
        } else {
            throw new IllegalStateException("Form " + formId + ": condition not understood: " + hide);
        }
        String onKey = on;
        JsonNode controlling = byKey.get(onKey);
        String onLabel = definitions.text(formId, onKey, "label", controlling.path("label").asText(onKey), locale);
        if (values.isEmpty()) {
            return texts.getMessage("caseWork.when.answered", new Object[] {onLabel}, locale);
        }
        if ("checkbox".equals(controlling.path("type").asText()) && values.equals(List.of("true"))) {
            return texts.getMessage("caseWork.when.checked", new Object[] {onLabel}, locale);
        }
        List<String> valueLabels = values.stream().map(value -> {
            for (JsonNode option : controlling.path("values")) {
                if (option.path("value").asText().equals(value)) {
                    return definitions.text(formId, onKey, "values." + value, option.path("label").asText(), locale);
                }
            }
            return value;
        }).toList();
        return texts.getMessage("caseWork.when.value", new Object[] {onLabel,
                String.join(" " + texts.getMessage("caseWork.when.or", null, locale) + " ", valueLabels)}, locale);
    }

    private static String first(Map<String, List<String>> posted, String key) {
        List<String> values = posted.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
