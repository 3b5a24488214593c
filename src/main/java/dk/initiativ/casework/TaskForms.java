package dk.initiativ.casework;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dk.initiativ.web.FieldProblemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Service;

/**
 * Completes user tasks through their {@link TaskForm}: the API endpoints with the input they received, the
 * case page with the fields it posted. Either way the same rules run and {@link StaffTasks#complete} completes
 * the task (403 for someone else's task, 409 for one completed meanwhile).
 */
@Service
public class TaskForms {

    private final StaffTasks tasks;
    private final Validator validator;
    private final Map<String, TaskForm<?>> byTaskKey;

    TaskForms(StaffTasks tasks, Validator validator, List<TaskForm<?>> forms) {
        this.tasks = tasks;
        this.validator = validator;
        this.byTaskKey = forms.stream().collect(Collectors.toMap(TaskForm::taskKey, Function.identity()));
    }

    /** Whether the case page can show this kind of task as a form. */
    public boolean has(String taskKey) {
        return byTaskKey.containsKey(taskKey);
    }

    /**
     * The API's way in: the input passed {@code @Valid} already. A service's field error names the input's own field.
     */
    public <I> void complete(String taskId, TaskForm<I> form, I input, StaffUser user) {
        try {
            tasks.complete(taskId, form.taskKey(), user, caseNumber -> form.variables(caseNumber, input, user));
        } catch (FieldProblemException e) {
            String field = form.inputField(e.field());
            throw field.equals(e.field()) ? e : new FieldProblemException(field, e.messageKey());
        }
    }

    /**
     * The case page's way in: the posted fields read as the task's input, checked with the same rules as the
     * API's, then completed like the API does.
     *
     * @throws TaskFormErrors the fields to correct (form field to message key); nothing was stored
     */
    public void completeFromPage(String taskId, Map<String, List<String>> fields, StaffUser user) {
        TaskForm<?> form = byTaskKey.get(tasks.kindOf(taskId));
        if (form == null) {
            throw new TaskNotFoundException(taskId);
        }
        fromPage(taskId, form, new FormValues(fields), user);
    }

    private <I> void fromPage(String taskId, TaskForm<I> form, FormValues values, StaffUser user) {
        I input = form.read(values);
        Map<String, String> errors = new LinkedHashMap<>(values.errors());
        if (input != null) {
            for (ConstraintViolation<I> violation : validator.validate(input)) {
                String property = violation.getPropertyPath().toString().replaceAll("\\[.*", "");
                errors.putIfAbsent(form.formField(property),
                        violation.getMessageTemplate().replaceAll("[{}]", ""));
            }
        }
        if (!errors.isEmpty()) {
            throw new TaskFormErrors(errors);
        }
        try {
            complete(taskId, form, input, user);
        } catch (FieldProblemException e) {
            throw new TaskFormErrors(Map.of(form.formField(e.field()), e.messageKey()));  // named by complete()
        }
    }
}
