package dk.initiativ.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dk.initiativ.identity.Role;
import dk.initiativ.process.PersonCommands;
import dk.initiativ.process.TaskFormFiles;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmdTyped;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The rules of {@link StaffTasks} for every door into the engine (Tasklist, the engine REST API, Camunda's webapps'
 * API, and our own API through {@code StaffTasks}), for a person who is not an admin:
 * <ul>
 * <li>a task is completed by its assignee, or while unassigned by a member of one of its candidate groups: Camunda
 *     alone lets a candidate group complete a task another member has claimed, and keeps the rights of a former
 *     assignee;</li>
 * <li>a completion sets only the fields of the task's form ({@code bpmn/forms/}), and a read-only field (the case
 *     number, the team) only with the value it has: a completion cannot rewrite the case's contact person, its team
 *     manager or its case number, which later tasks and delegates rely on;</li>
 * <li>nobody sets or removes a task's variables outside a completion;</li>
 * <li>a task shows the variables of its form and its own (the lists its form chooses from), not the rest of the case:
 *     a department member works a permit and sees its permit, as on our case page, not the agreement, the screening
 *     note or the funding; a single other variable reads as absent.</li>
 * </ul>
 * A completion outside the form is the caller's bad input (Camunda's form field validation error, which its REST API
 * answers with 400); a person who may not work the task is refused (403).
 */
@Component
class EngineTaskRules extends AbstractProcessEnginePlugin {

    private final TaskFormFiles forms;

    EngineTaskRules(TaskFormFiles forms) {
        this.forms = forms;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        PersonCommands.register(configuration, new Rules(forms));
    }

    static final class Rules extends PersonCommands {

        private final TaskFormFiles forms;

        Rules(TaskFormFiles forms) {
            super(Set.of(Role.ADMIN.groupId()));
            this.forms = forms;
        }

        @Override
        protected void check(Command<?> command, CommandContext context, Authentication person) {
            if (command instanceof CompleteTaskCmd) {
                completion(context, person, field(command, "taskId"), field(command, "variables"));
            } else if (command instanceof SubmitTaskFormCmd) {
                completion(context, person, field(command, "taskId"), field(command, "properties"));
            } else if (command instanceof SetTaskVariablesCmd || command instanceof PatchTaskVariablesCmd
                    || command instanceof RemoveTaskVariablesCmd) {
                throw new AuthorizationException(person.getUserId()
                        + " may not change a task's variables except by completing it with its form");
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        protected <T> T answer(Command<T> command, T result, CommandContext context, Authentication person) {
            if (command instanceof GetTaskVariablesCmd && !(boolean) field(command, "isLocal")
                    && result instanceof VariableMap all) {
                return (T) shown(context, field(command, "taskId"), all);
            }
            if (command instanceof GetTaskFormVariablesCmd && result instanceof VariableMap all) {
                return (T) shown(context, field(command, "resourceId"), all);
            }
            if ((command instanceof GetTaskVariableCmd || command instanceof GetTaskVariableCmdTyped)
                    && !(boolean) field(command, "isLocal") && result != null) {
                TaskEntity task = context.getTaskManager().findTaskById(field(command, "taskId"));
                String name = field(command, "variableName");
                return task == null || shows(task, name) ? result : null;
            }
            return result;
        }

        private VariableMap shown(CommandContext context, String taskId, VariableMap all) {
            TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
            if (task == null) {
                return all;
            }
            VariableMap shown = Variables.createVariables();
            all.keySet().stream().filter(name -> shows(task, name))
                    .forEach(name -> shown.putValueTyped(name, all.getValueTyped(name)));
            return shown;
        }

        private boolean shows(TaskEntity task, String name) {
            return formFields(task).containsKey(name) || task.hasVariableLocal(name);
        }

        private void completion(CommandContext context, Authentication person, String taskId,
                Map<String, Object> variables) {
            TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
            if (task == null) {
                return; // the command itself answers for a task that does not exist
            }
            requireMayWork(task, person);
            if (variables == null || variables.isEmpty()) {
                return;
            }
            Map<String, Boolean> fields = formFields(task);
            List<String> unknown = new ArrayList<>();
            List<String> readOnly = new ArrayList<>();
            variables.forEach((name, value) -> {
                Boolean fixed = fields.get(name);
                if (fixed == null) {
                    unknown.add(name);
                } else if (fixed && !Objects.equals(plain(value), plain(task.getVariable(name)))) {
                    readOnly.add(name);
                }
            });
            if (!unknown.isEmpty()) {
                throw new FormFieldValidationException(unknown.get(0), "Task " + taskId + " ("
                        + task.getTaskDefinitionKey() + ") is completed with the fields of its form only; not on it: "
                        + String.join(", ", unknown));
            }
            if (!readOnly.isEmpty()) {
                throw new FormFieldValidationException(readOnly.get(0), "Task " + taskId + " ("
                        + task.getTaskDefinitionKey() + "): read-only fields cannot be changed: "
                        + String.join(", ", readOnly));
            }
        }

        private static void requireMayWork(TaskEntity task, Authentication person) {
            if (!TaskWorkers.mayWork(person.getUserId(), person.getGroupIds(), task.getAssignee(),
                    task::getIdentityLinks)) {
                throw new AuthorizationException(person.getUserId() + " may not complete task " + task.getId()
                        + (task.getAssignee() == null ? "" : ": it is assigned to someone else"));
            }
        }

        private Map<String, Boolean> formFields(TaskEntity task) {
            Expression formKey = task.getTaskDefinition() == null ? null
                    : task.getTaskDefinition().getCamundaFormDefinitionKey();
            return formKey == null ? Map.of() : forms.fields(formKey.getExpressionText());
        }

        private static Object plain(Object value) {
            return value instanceof TypedValue typed ? typed.getValue() : value;
        }
    }
}
