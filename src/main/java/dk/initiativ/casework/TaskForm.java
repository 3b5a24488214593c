package dk.initiativ.casework;

import java.util.Map;

/**
 * One user task's completion, shared by its API endpoint and the case page's inline form (ADR 0016): the
 * page's fields become the same input record the API receives, the same Bean Validation rules check it, and
 * the same checks and variables complete the task through {@link StaffTasks#complete}. The form fields are
 * the keys of the task's Camunda Form in {@code bpmn/forms/}, so Tasklist, the API and the page meet in one
 * set of process variables.
 *
 * @param <I> the task's typed input record
 */
public interface TaskForm<I> {

    /** The BPMN element id of the user task. */
    String taskKey();

    /** The page's posted form fields as the input record; unreadable values are left null and noted in {@code values}. */
    I read(FormValues values);

    /**
     * The checks that need the case (or cross fields) and the variables to complete with. Runs inside
     * {@link StaffTasks#complete}, after the case row is locked: a {@code FieldProblemException} leaves nothing stored.
     */
    Map<String, Object> variables(String caseNumber, I input, StaffUser user);

    /** The form field that shows an error of the input's property (or of a service's field): the same name by default. */
    default String formField(String property) {
        return property;
    }

    /**
     * The input's property that a service's field error is about (the funding applications name the amount
     * {@code amountRequested}, the support plan's input {@code fundingAmount}): the same name by default.
     */
    default String inputField(String serviceField) {
        return serviceField;
    }
}
