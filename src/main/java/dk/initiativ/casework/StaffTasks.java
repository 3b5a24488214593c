package dk.initiativ.casework;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dk.initiativ.identity.Role;
import dk.initiativ.initiative.Cases;
import dk.initiativ.process.CaseTaskNames;
import dk.initiativ.process.EngineTextValidator;
import dk.initiativ.web.ConflictException;
import dk.initiativ.web.ForbiddenException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff side of user tasks: the work list, claiming and completing. A task may be worked by its
 * assignee, or while unassigned by a member of one of its candidate groups, or by an admin; anyone
 * else gets 403. A task that someone else completed first answers 409. The staff member is the
 * Camunda user while the engine works, so that its history and authorizations see them.
 */
@Service
public class StaffTasks {

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final IdentityService identityService;
    private final Cases cases;
    private final RepositoryService repositoryService;

    StaffTasks(TaskService taskService, RuntimeService runtimeService, HistoryService historyService,
            IdentityService identityService, Cases cases, RepositoryService repositoryService) {
        this.cases = cases;
        this.repositoryService = repositoryService;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.identityService = identityService;
    }

    /** The most a work list page holds. */
    public static final int MAX_PAGE = 200;

    /**
     * Tasks assigned to the user or offered to their groups, most urgent first, a page at a time; an
     * admin, who may work any task, sees all.
     */
    @Transactional(readOnly = true)
    List<TaskSummary> workList(StaffUser user, int first, int max) {
        TaskQuery query = taskService.createTaskQuery();
        if (!user.isIn(Role.ADMIN.groupId())) {
            query.or().taskAssignee(user.userId()).taskCandidateGroupIn(user.groups()).endOr();
        }
        // the task id last: a total order, so that pages neither skip nor repeat tasks
        List<Task> tasks = query.orderByDueDate().asc().orderByTaskCreateTime().asc().orderByTaskId().asc()
                .listPage(Math.max(0, first), Math.min(Math.max(1, max), MAX_PAGE));
        Map<String, String> caseNumbers = caseNumbers(tasks.stream().map(Task::getProcessInstanceId).toList());
        // the model's own name: the list names the case beside it (Tasklist's name carries case and title)
        return tasks.stream().map(task -> new TaskSummary(task.getId(), task.getTaskDefinitionKey(),
                CaseTaskNames.modelName(repositoryService, task),
                caseNumbers.get(task.getProcessInstanceId()), task.getAssignee(), task.getCreateTime(),
                task.getDueDate())).toList();
    }

    /**
     * The open tasks of one case that the user works: assigned to them, or unassigned and offered to one of
     * their groups; in the order they are due.
     */
    @Transactional(readOnly = true)
    public List<TaskSummary> onCase(String caseNumber, StaffUser user) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .or().taskAssignee(user.userId()).taskCandidateGroupIn(user.groups().isEmpty() ? List.of("-")
                        : user.groups()).endOr()
                .orderByDueDate().asc().orderByTaskCreateTime().asc().orderByTaskId().asc().list();
        return tasks.stream().map(task -> new TaskSummary(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                caseNumber, task.getAssignee(), task.getCreateTime(), task.getDueDate())).toList();
    }

    /** The kind (BPMN element id) of an open task: 404 for no such task, 409 for one completed meanwhile. */
    @Transactional(readOnly = true)
    public String kindOf(String taskId) {
        return openTask(taskId).getTaskDefinitionKey();
    }

    /** The case number of an open task: 404 for no such task, 409 for one completed meanwhile. */
    @Transactional(readOnly = true)
    public String caseOf(String taskId) {
        Task task = openTask(taskId);
        return caseNumbers(List.of(task.getProcessInstanceId())).get(task.getProcessInstanceId());
    }

    @Transactional
    public void claim(String taskId, StaffUser user) {
        Task task = openTask(taskId);
        // who could not claim it even if it were free learns nothing of who holds it: 403 before 409
        if (!isAdminOrAssignee(task, user) && !inCandidateGroup(task, user)) {
            throw new ForbiddenException(user.userId() + " may not work task " + task.getId());
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(user.userId())) {
            throw new ConflictException("conflict.taskClaimed", "Task " + taskId + " is claimed by " + task.getAssignee());
        }
        asCamundaUser(user, () -> taskService.claim(taskId, user.userId()));
    }

    /**
     * Completes a task of the expected kind. {@code variablesFor} gets the task's case number, checks
     * the input against the case and returns the variables to complete with.
     */
    @Transactional
    public void complete(String taskId, String expectedTaskKey, StaffUser user,
            Function<String, Map<String, Object>> variablesFor) {
        Task task = openTask(taskId);
        if (!expectedTaskKey.equals(task.getTaskDefinitionKey())) {
            throw new TaskNotFoundException(taskId);
        }
        requireMayWork(task, user);
        String caseNumber = caseNumbers(List.of(task.getProcessInstanceId())).get(task.getProcessInstanceId());
        cases.lock(caseNumber);
        // whoever held the lock before us may have completed the task
        if (taskService.createTaskQuery().taskId(taskId).count() == 0) {
            throw new ConflictException("conflict.taskDone", "Task " + taskId + " was completed meanwhile");
        }
        Map<String, Object> variables = variablesFor.apply(caseNumber);
        asCamundaUser(user, () -> taskService.complete(taskId, variables));
    }

    private Task openTask(String taskId) {
        if (!EngineTextValidator.fitsEngine(taskId)) {
            // no task id has such characters, and Camunda's utf8mb3 tables cannot even compare them
            throw new TaskNotFoundException(taskId);
        }
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task != null) {
            return task;
        }
        boolean existed = historyService.createHistoricTaskInstanceQuery().taskId(taskId).count() > 0;
        if (existed) {
            throw new ConflictException("conflict.taskDone", "Task " + taskId + " is no longer open");
        }
        throw new TaskNotFoundException(taskId);
    }

    private void requireMayWork(Task task, StaffUser user) {
        if (user.isIn(Role.ADMIN.groupId()) || TaskWorkers.mayWork(user.userId(), user.groups(), task.getAssignee(),
                () -> taskService.getIdentityLinksForTask(task.getId()))) {
            return;
        }
        throw new ForbiddenException(user.userId() + " may not work task " + task.getId());
    }

    private static boolean isAdminOrAssignee(Task task, StaffUser user) {
        return user.isIn(Role.ADMIN.groupId()) || user.userId().equals(task.getAssignee());
    }

    private boolean inCandidateGroup(Task task, StaffUser user) {
        return TaskWorkers.inCandidateGroup(user.groups(), taskService.getIdentityLinksForTask(task.getId()));
    }

    private void asCamundaUser(StaffUser user, Runnable work) {
        identityService.setAuthentication(user.userId(), user.groups());
        try {
            work.run();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private Map<String, String> caseNumbers(Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return Map.of();
        }
        return runtimeService.createProcessInstanceQuery()
                .processInstanceIds(Set.copyOf(processInstanceIds)).list().stream()
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
    }
}
