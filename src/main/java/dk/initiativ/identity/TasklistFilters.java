package dk.initiativ.identity;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dk.initiativ.permits.Departments;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters every staff member starts with: "my tasks" and "my groups' tasks",
 * readable by every staff role and every department.
 */
@Component
class TasklistFilters extends AbstractProcessEnginePlugin {

    private static final Locale MUNICIPALITY = Locale.forLanguageTag("da");

    private final MessageSource messages;
    private final Departments departments;

    TasklistFilters(MessageSource messages, Departments departments) {
        this.messages = messages;
        this.departments = departments;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        TaskService taskService = engine.getTaskService();
        ensure(engine, "tasklist.filter.mine", -10,
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        ensure(engine, "tasklist.filter.groups", -5,
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned());
    }

    private void ensure(ProcessEngine engine, String nameKey, int priority, TaskQuery query) {
        FilterService filterService = engine.getFilterService();
        String name = messages.getMessage(nameKey, null, MUNICIPALITY);
        List<Filter> existing = filterService.createFilterQuery().filterName(name).list();
        Filter filter = existing.isEmpty() ? filterService.newTaskFilter(name) : existing.get(0);
        if (existing.isEmpty()) {
            filter.setQuery(query);
            filter.setProperties(Map.of("priority", priority, "description",
                    messages.getMessage(nameKey + ".description", null, MUNICIPALITY)));
            filterService.saveFilter(filter);
        }
        for (String staff : Role.STAFF) {
            CamundaRoleAuthorizations.ensure(engine.getAuthorizationService(), staff, Resources.FILTER, filter.getId(), List.of(Permissions.READ));
        }
        for (String department : departments.groups()) {
            CamundaRoleAuthorizations.ensure(engine.getAuthorizationService(), department, Resources.FILTER, filter.getId(), List.of(Permissions.READ));
        }
    }
}
